import { INVOICE_STATES, type InvoiceEntry, type InvoiceState, type Snapshot } from './types';

/**
 * The snapshot as it sits in the workflow's static data. One short string per invoice keeps it
 * small (about 30 bytes an invoice, see the README) because n8n writes the whole static data
 * to its database after every poll that starts an execution.
 *
 * Entry: `S|updatedAt|paid|payments[|issued|due[|!]]`, numbers in base 36:
 *   S         d draft, o open, p partial, P paid, c closed
 *   updatedAt epoch seconds; paid: amount - due_amount in cents
 *   payments  known payment ids joined by `,`; empty when there are none; `?` when never listed
 *   issued, due  day numbers, only for open and partial invoices; `!` past due and reported
 */
export interface StoredSnapshot {
	v: 1;
	scope: string;
	since: string;
	cursor: string;
	overdueTracked: boolean;
	invoices: Record<string, string>;
}

/**
 * Above this many invoices, the settled ones not touched for the longest are forgotten so the
 * static data stays bounded (~700 KB). A forgotten invoice that changes later is taken back
 * silently: its previous state is unknown, so its change is not reported.
 */
export const MAX_TRACKED_INVOICES = 20_000;

const STATE_CODES: Record<InvoiceState, string> = { draft: 'd', open: 'o', partial: 'p', paid: 'P', closed: 'c' };
const STATES_BY_CODE = new Map(INVOICE_STATES.map((state) => [STATE_CODES[state], state]));

const b36 = (value: number) => value.toString(36);

function fromB36(text: string, what: string): number {
	const value = parseInt(text, 36);
	if (!/^-?[0-9a-z]+$/.test(text) || !Number.isSafeInteger(value)) throw new Error(`bad ${what} "${text}"`);
	return value;
}

export function encodeEntry(entry: InvoiceEntry): string {
	const payments = entry.payments === null ? '?' : entry.payments.map(b36).join(',');
	const parts = [STATE_CODES[entry.state], b36(entry.updatedAt), b36(entry.paidCents), payments];
	if (entry.issuedDay !== undefined || entry.dueDay !== undefined || entry.overdue) {
		parts.push(entry.issuedDay === undefined ? '' : b36(entry.issuedDay));
		parts.push(entry.dueDay === undefined ? '' : b36(entry.dueDay));
	}
	if (entry.overdue) parts.push('!');
	return parts.join('|');
}

export function decodeEntry(text: string): InvoiceEntry {
	const [code, updatedAt, paid, payments, issued, due, flag] = String(text).split('|');
	const state = STATES_BY_CODE.get(code);
	if (!state || updatedAt === undefined || paid === undefined || payments === undefined) {
		throw new Error(`bad entry "${text}"`);
	}
	const entry: InvoiceEntry = {
		state,
		updatedAt: fromB36(updatedAt, 'updated_at'),
		paidCents: fromB36(paid, 'paid amount'),
		payments:
			payments === '?' ? null : payments === '' ? [] : payments.split(',').map((id) => fromB36(id, 'payment id')),
		overdue: flag === '!',
	};
	if (issued) entry.issuedDay = fromB36(issued, 'issue date');
	if (due) entry.dueDay = fromB36(due, 'due date');
	return entry;
}

const isoSeconds = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function secondsOf(text: unknown, what: string): number {
	const ms = typeof text === 'string' ? Date.parse(text) : NaN;
	if (Number.isNaN(ms)) throw new Error(`bad ${what} ${JSON.stringify(text)}`);
	return Math.floor(ms / 1000);
}

export function encodeSnapshot(snapshot: Snapshot): StoredSnapshot {
	const invoices: Record<string, string> = {};
	for (const [id, entry] of snapshot.invoices) invoices[String(id)] = encodeEntry(entry);
	return {
		v: 1,
		scope: snapshot.scope,
		since: isoSeconds(snapshot.since),
		cursor: isoSeconds(snapshot.cursor),
		overdueTracked: snapshot.overdueTracked,
		invoices,
	};
}

/** Reads a stored snapshot back; throws on anything it did not write (then a new baseline is taken). */
export function decodeSnapshot(stored: unknown): Snapshot {
	const data = stored as Partial<StoredSnapshot> | undefined;
	if (!data || typeof data !== 'object' || data.v !== 1 || typeof data.scope !== 'string') {
		throw new Error('not a snapshot of this version');
	}
	if (!data.invoices || typeof data.invoices !== 'object') throw new Error('snapshot without invoices');
	const invoices = new Map<number, InvoiceEntry>();
	for (const [id, text] of Object.entries(data.invoices)) {
		invoices.set(parseInvoiceId(id), decodeEntry(text));
	}
	return {
		scope: data.scope,
		since: secondsOf(data.since, 'since'),
		cursor: secondsOf(data.cursor, 'cursor'),
		overdueTracked: data.overdueTracked === true,
		invoices,
	};
}

function parseInvoiceId(id: string): number {
	const value = Number(id);
	if (!/^\d+$/.test(id) || !Number.isSafeInteger(value)) throw new Error(`bad invoice id "${id}"`);
	return value;
}

/** Settled first (paid, closed), then drafts; open and partial invoices are never forgotten. */
const FORGET_ORDER: Record<InvoiceState, number> = { paid: 0, closed: 0, draft: 1, open: 2, partial: 2 };

/** Keeps at most `limit` invoices, forgetting settled ones not touched for the longest first. */
export function boundSnapshot(snapshot: Snapshot, limit = MAX_TRACKED_INVOICES): Snapshot {
	if (snapshot.invoices.size <= limit) return snapshot;
	const forgettable = [...snapshot.invoices]
		.filter(([, entry]) => FORGET_ORDER[entry.state] < 2)
		.sort(([idA, a], [idB, b]) => FORGET_ORDER[a.state] - FORGET_ORDER[b.state] || a.updatedAt - b.updatedAt || idA - idB);
	const invoices = new Map(snapshot.invoices);
	for (const [id] of forgettable) {
		if (invoices.size <= limit) break;
		invoices.delete(id);
	}
	return { ...snapshot, invoices };
}
