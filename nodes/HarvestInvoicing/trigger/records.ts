import type { IDataObject } from 'n8n-workflow';

import { INVOICE_STATES, type InvoiceState } from './types';

const DAY_SECONDS = 86_400;

/** Harvest ids are positive integers; anything else in a record is a broken answer. */
export function recordId(record: IDataObject): number {
	const id = Number(record.id);
	if (!Number.isSafeInteger(id) || id <= 0) {
		throw new Error(`Harvest returned a record without a valid id (${JSON.stringify(record.id)})`);
	}
	return id;
}

export function invoiceState(record: IDataObject): InvoiceState {
	// `trigger_state`: the state an API without a "partial" state implies (see transport/v2/invoiceView.ts).
	const state = String(record.trigger_state ?? record.state ?? '');
	if (!(INVOICE_STATES as readonly string[]).includes(state)) {
		throw new Error(`Harvest returned invoice ${String(record.id)} in an unknown state "${state}"`);
	}
	return state as InvoiceState;
}

/** A Harvest datetime (`2015-04-21T18:42:02Z`) as epoch seconds; null when absent or unreadable. */
export function epochSeconds(value: unknown): number | null {
	if (typeof value !== 'string' || value === '') return null;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** A Harvest date (`2015-04-22`) as days since 1970-01-01; null when absent or unreadable. */
export function dayNumber(value: unknown): number | null {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
	const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(ms) ? null : Math.floor(ms / 1000 / DAY_SECONDS);
}

/** The day number a datetime falls on (UTC). */
export function dayOfEpochSeconds(seconds: number): number {
	return Math.floor(seconds / DAY_SECONDS);
}

/** A day number as Harvest's list filters want it: `YYYYMMDD`. */
export function filterDate(day: number): string {
	return new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10).replace(/-/g, '');
}

export function cents(value: unknown): number {
	const number = Number(value ?? 0);
	return Number.isFinite(number) ? Math.round(number * 100) : 0;
}

/** What has been paid on an invoice so far, in cents (Harvest keeps amount and due amount). */
export function paidCents(record: IDataObject): number {
	return Math.max(0, cents(record.amount) - cents(record.due_amount));
}

export function updatedAtOf(record: IDataObject): number {
	const seconds = epochSeconds(record.updated_at);
	if (seconds === null) {
		throw new Error(`Harvest returned invoice ${String(record.id)} without a readable updated_at`);
	}
	return seconds;
}
