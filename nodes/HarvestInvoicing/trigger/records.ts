import type { IDataObject } from 'n8n-workflow';

import { centsOf, instantOf, type InvoiceView } from '../transport/invoiceView';
import { INVOICE_STATES, type InvoiceState } from './types';

const DAY_SECONDS = 86_400;

/** Harvest ids are positive integers; anything else in a record is a broken answer. */
export function recordId(record: InvoiceView | IDataObject): number {
	const id = Number(record.id);
	if (!Number.isSafeInteger(id) || id <= 0) {
		throw new Error(`Harvest returned a record without a valid id (${JSON.stringify(record.id)})`);
	}
	return id;
}

export function invoiceState(invoice: InvoiceView): InvoiceState {
	const state = String(invoice.state ?? '');
	if (!(INVOICE_STATES as readonly string[]).includes(state)) {
		throw new Error(`Harvest returned invoice ${String(invoice.id)} in an unknown state "${state}"`);
	}
	return state as InvoiceState;
}

/** An instant in epoch milliseconds as the whole epoch seconds the snapshot keeps; null stays null. */
export function secondsOf(ms: number | null): number | null {
	return ms === null ? null : Math.floor(ms / 1000);
}

/** A Harvest datetime (`2015-04-21T18:42:02Z`) as epoch seconds; null when absent or unreadable. */
export function epochSeconds(value: unknown): number | null {
	return secondsOf(instantOf(value));
}

/** The day number a datetime falls on (UTC). */
export function dayOfEpochSeconds(seconds: number): number {
	return Math.floor(seconds / DAY_SECONDS);
}

export const cents = centsOf;

/** What has been paid on an invoice so far, in cents (amount less what is still due). */
export function paidCents(invoice: InvoiceView): number {
	return Math.max(0, invoice.amountCents - invoice.dueAmountCents);
}

export function updatedAtOf(invoice: InvoiceView): number {
	const seconds = secondsOf(invoice.updatedAtMs);
	if (seconds === null) {
		throw new Error(`Harvest returned invoice ${String(invoice.id)} without a readable updated_at`);
	}
	return seconds;
}
