import { INVOICE_STATES, type InvoiceEntry, type InvoiceState } from './types';

/**
 * Most invoices of an account have not changed for a while. For those the trigger needs far less
 * than a full entry, so they are stored as one list per state, sorted by id, each id written as its
 * distance from the one before (base 36), with only what the state needs: a few bytes an invoice,
 * so none is ever forgotten to keep the stored state small.
 *
 * An aged entry is `distance[.issuedAgo.dueAfter][~paid][!]`:
 *   issuedAgo  days from the issue date to `day` (open and partial invoices: the overdue watch)
 *   dueAfter   days from the issue date to the due date (may be negative)
 *   paid       paid cents, when not zero (partial invoices, drafts and write-offs paid in part)
 *   !          reported past due
 *
 * What an aged entry gives up, and why that is safe:
 * - its own `updated_at`: every aged entry reads back as `upTo`, the newest `updated_at` among
 *   them, at least a day before the cursor. A later change carries a later `updated_at`, so it is
 *   never taken for an old copy; an old copy listed again is still recognised as old.
 * - its payment ids: payments made up to `upTo` count as known (the rule for entries whose payments
 *   were never listed), and they are, since a later payment would have changed the invoice.
 * - a paid invoice's paid amount: `FULLY_PAID` stands for "everything due"; from paid no
 *   transition depends on the amount, and every payment up to `upTo` counts as known.
 */

/** A paid invoice's paid amount once aged: all of it (more than any invoice). */
export const FULLY_PAID = Number.MAX_SAFE_INTEGER;

/** Entries younger than this (before the cursor) stay full: their own `updated_at` may still matter. */
export const AGED_AFTER_SECONDS = 86_400;

const DAY_SECONDS = 86_400;

export interface StoredAged {
	/** ISO time: the `updated_at` every aged entry reads back as. */
	upTo: string;
	/** Day number the `issuedAgo` distances count back from. */
	day: number;
	draft: string;
	open: string;
	partial: string;
	paid: string;
	closed: string;
}

const b36 = (value: number) => value.toString(36);

function fromB36(text: string, what: string, signed = false): number {
	const value = parseInt(text, 36);
	const pattern = signed ? /^-?[0-9a-z]+$/ : /^[0-9a-z]+$/;
	if (!pattern.test(text) || !Number.isSafeInteger(value)) throw new Error(`bad ${what} "${text}"`);
	return value;
}

export function isAged(entry: InvoiceEntry, cursor: number): boolean {
	// Issue and due dates are stored as a pair; an entry with only one of them stays full.
	const datesPaired = (entry.issuedDay === undefined) === (entry.dueDay === undefined);
	return datesPaired && entry.updatedAt <= cursor - AGED_AFTER_SECONDS;
}

function encodeOne(distance: number, entry: InvoiceEntry, day: number): string {
	let text = b36(distance);
	if (entry.issuedDay !== undefined && entry.dueDay !== undefined) {
		text += `.${b36(day - entry.issuedDay)}.${b36(entry.dueDay - entry.issuedDay)}`;
	}
	if (entry.state !== 'paid' && entry.paidCents > 0) text += `~${b36(entry.paidCents)}`;
	if (entry.overdue) text += '!';
	return text;
}

/** The aged lists of `entries` (all aged), and the `upTo` they read back as (it never decreases). */
export function encodeAged(
	entries: ReadonlyArray<[number, InvoiceEntry]>,
	previousUpTo: number,
	cursor: number,
): Omit<StoredAged, 'upTo'> & { upTo: number } {
	let upTo = previousUpTo;
	const day = Math.floor(cursor / DAY_SECONDS);
	const byState = Object.fromEntries(INVOICE_STATES.map((state) => [state, [] as Array<[number, InvoiceEntry]>])) as Record<
		InvoiceState,
		Array<[number, InvoiceEntry]>
	>;
	for (const [id, entry] of entries) {
		upTo = Math.max(upTo, entry.updatedAt);
		byState[entry.state].push([id, entry]);
	}
	const lists = {} as Record<InvoiceState, string>;
	for (const state of INVOICE_STATES) {
		let last = 0;
		lists[state] = byState[state]
			.sort((a, b) => a[0] - b[0])
			.map(([id, entry]) => {
				const text = encodeOne(id - last, entry, day);
				last = id;
				return text;
			})
			.join(',');
	}
	return { upTo, day, ...lists };
}

const AGED_ENTRY = /^([0-9a-z]+)(?:\.([0-9a-z]+)\.(-?[0-9a-z]+))?(?:~([0-9a-z]+))?(!)?$/;

/** The entries of one aged list, as the diff reads entries. */
export function decodeAged(state: InvoiceState, list: string, upTo: number, day: number): Array<[number, InvoiceEntry]> {
	if (list === '') return [];
	let id = 0;
	return list.split(',').map((part) => {
		const match = AGED_ENTRY.exec(part);
		if (!match) throw new Error(`bad aged entry "${part}"`);
		const [, distance, issuedAgo, dueAfter, paid, overdue] = match;
		id += fromB36(distance, 'id distance');
		if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`bad invoice id ${id}`);
		const paidCents = state === 'paid' ? FULLY_PAID : paid === undefined ? 0 : fromB36(paid, 'paid amount');
		const entry: InvoiceEntry = { state, updatedAt: upTo, paidCents, payments: paidCents === 0 ? [] : null, overdue: overdue === '!' };
		if (issuedAgo !== undefined) {
			entry.issuedDay = day - fromB36(issuedAgo, 'issue date');
			entry.dueDay = entry.issuedDay + fromB36(dueAfter, 'due date', true);
		}
		return [id, entry];
	});
}
