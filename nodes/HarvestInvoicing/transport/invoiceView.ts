import type { IDataObject } from 'n8n-workflow';

/**
 * An invoice as the trigger reads it, whichever API wrote it: each dialect makes one from its own
 * record (v1/invoiceView.ts, v2/invoiceView.ts), so the trigger never reads an API's field names.
 * Values are only put into neutral units, not checked: the trigger decides what makes a record
 * broken, and when (a record it never looks at closely, on a sample page say, must not fail a poll).
 */
export interface InvoiceView {
	/** The record as the API gave it: what the trigger's items show. */
	record: IDataObject;
	/** The record's id, as given. */
	id: unknown;
	/**
	 * The state in the trigger's words (draft, open, partial, paid, closed), partly paid told apart
	 * even where the API has no such state; as given when it is none of them.
	 */
	state: unknown;
	/** Issue and due date as days since 1970-01-01 (UTC); null when absent or unreadable. */
	issuedDay: number | null;
	dueDay: number | null;
	/** The amount and what is still due, in cents; 0 when absent or unreadable. */
	amountCents: number;
	dueAmountCents: number;
	/** When the invoice was created and last updated, epoch milliseconds; null when absent or unreadable. */
	createdAtMs: number | null;
	updatedAtMs: number | null;
}

const DAY_MS = 86_400_000;

/** A calendar date (`2015-04-22`, both APIs' form) as days since 1970-01-01; null when absent or unreadable. */
export function dayOfDate(value: unknown): number | null {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
	const ms = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
	return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}

/** A datetime (`2015-04-21T18:42:02Z`, both APIs' form) as epoch milliseconds; null when absent or unreadable. */
export function instantOf(value: unknown): number | null {
	if (typeof value !== 'string' || value === '') return null;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? null : ms;
}

/** A money amount (a number, or a numeric string from XML) in cents; 0 when absent or unreadable. */
export function centsOf(value: unknown): number {
	const number = Number(value ?? 0);
	return Number.isFinite(number) ? Math.round(number * 100) : 0;
}
