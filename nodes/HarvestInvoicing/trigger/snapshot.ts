import { decodeAged, encodeAged, isAged, type StoredAged } from './agedEntries';
import { INVOICE_STATES, type BaselineWalk, type ChangesWalk, type InvoiceEntry, type InvoiceState, type Snapshot } from './types';

/**
 * The snapshot as it sits in the workflow's static data, kept small because n8n writes the whole
 * static data to its database after every poll that starts an execution: a full entry (about 30
 * bytes) per invoice changed in the last day, and a few bytes per older one (see agedEntries.ts),
 * so nothing needs to be forgotten.
 *
 * Entry: `S|updatedAt|paid|payments[|issued|due[|!]]`, numbers in base 36:
 *   S         d draft, o open, p partial, P paid, c closed
 *   updatedAt epoch seconds; paid: amount - due_amount in cents
 *   payments  known payment ids joined by `,`; empty when there are none; `?` when never listed
 *   issued, due  day numbers, only for open and partial invoices; `!` past due and reported
 */
export interface StoredSnapshot {
	v: 1 | 2;
	scope: string;
	since: string;
	cursor: string;
	overdueTracked: boolean;
	/** Full entries: invoices changed in the last day before the cursor. */
	invoices: Record<string, string>;
	/** v2: the older invoices, as lists per state. */
	aged?: StoredAged;
	/** While a baseline is being taken over several polls. */
	baselineWalk?: { throughDay: number; startedAt: number };
	/** While a regular poll's listing is being read over several polls. */
	changesWalk?: { throughDay: number; cursorAfter: string };
}

/**
 * The most the stored state may take. Only past it are settled invoices forgotten (those not
 * touched for the longest first); open and partly paid ones never are. With settled invoices
 * compact that is several hundred thousand invoices.
 */
export const MAX_STATE_BYTES = 2_000_000;

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
	const aged: Array<[number, InvoiceEntry]> = [];
	for (const [id, entry] of snapshot.invoices) {
		if (isAged(entry, snapshot.cursor)) aged.push([id, entry]);
		else invoices[String(id)] = encodeEntry(entry);
	}
	const { upTo, ...lists } = encodeAged(aged, snapshot.agedUpTo ?? 0, snapshot.cursor);
	return {
		v: 2,
		scope: snapshot.scope,
		since: isoSeconds(snapshot.since),
		cursor: isoSeconds(snapshot.cursor),
		overdueTracked: snapshot.overdueTracked,
		invoices,
		aged: { upTo: isoSeconds(upTo), ...lists },
		...(snapshot.baselineWalk ? { baselineWalk: { ...snapshot.baselineWalk } } : {}),
		...(snapshot.changesWalk
			? { changesWalk: { throughDay: snapshot.changesWalk.throughDay, cursorAfter: isoSeconds(snapshot.changesWalk.cursorAfter) } }
			: {}),
	};
}

function decodeBaselineWalk(stored: unknown): BaselineWalk | undefined {
	if (stored === undefined) return undefined;
	const walk = stored as Partial<BaselineWalk> | null;
	if (!walk || !Number.isSafeInteger(walk.throughDay) || !Number.isSafeInteger(walk.startedAt)) {
		throw new Error('snapshot with an unreadable baseline walk');
	}
	return { throughDay: walk.throughDay as number, startedAt: walk.startedAt as number };
}

function decodeChangesWalk(stored: unknown): ChangesWalk | undefined {
	if (stored === undefined) return undefined;
	const walk = stored as Partial<StoredSnapshot['changesWalk']> | null;
	if (!walk || !Number.isSafeInteger(walk.throughDay)) throw new Error('snapshot with an unreadable listing walk');
	return { throughDay: walk.throughDay as number, cursorAfter: secondsOf(walk.cursorAfter, 'walk cursor') };
}

/** Reads a stored snapshot back; throws on anything it did not write (then a new baseline is taken). */
export function decodeSnapshot(stored: unknown): Snapshot {
	const data = stored as Partial<StoredSnapshot> | undefined;
	if (!data || typeof data !== 'object' || (data.v !== 1 && data.v !== 2) || typeof data.scope !== 'string') {
		throw new Error('not a snapshot of this version');
	}
	if (!data.invoices || typeof data.invoices !== 'object') throw new Error('snapshot without invoices');
	const invoices = new Map<number, InvoiceEntry>();
	let agedUpTo: number | undefined;
	// Snapshots written before aged lists (v1) hold full entries only.
	if (data.v === 2) {
		const aged = data.aged;
		if (!aged || typeof aged !== 'object' || !Number.isSafeInteger(aged.day)) throw new Error('snapshot without aged invoices');
		agedUpTo = secondsOf(aged.upTo, 'aged upTo');
		for (const state of INVOICE_STATES) {
			for (const [id, entry] of decodeAged(state, String(aged[state] ?? ''), agedUpTo, aged.day)) invoices.set(id, entry);
		}
	}
	for (const [id, text] of Object.entries(data.invoices)) {
		invoices.set(parseInvoiceId(id), decodeEntry(text));
	}
	const overdueTracked = data.overdueTracked === true;
	const baselineWalk = decodeBaselineWalk(data.baselineWalk);
	const changesWalk = decodeChangesWalk(data.changesWalk);
	// Flags are only meaningful while tracked; a poll not watching overdue relies on them being clear.
	if (!overdueTracked) for (const [id, entry] of invoices) if (entry.overdue) invoices.set(id, { ...entry, overdue: false });
	return {
		scope: data.scope,
		since: secondsOf(data.since, 'since'),
		cursor: secondsOf(data.cursor, 'cursor'),
		overdueTracked,
		invoices,
		// 0: nothing aged yet.
		...(agedUpTo === undefined || agedUpTo === 0 ? {} : { agedUpTo }),
		...(baselineWalk ? { baselineWalk } : {}),
		...(changesWalk ? { changesWalk } : {}),
	};
}

function parseInvoiceId(id: string): number {
	const value = Number(id);
	if (!/^\d+$/.test(id) || !Number.isSafeInteger(value)) throw new Error(`bad invoice id "${id}"`);
	return value;
}

/** Settled first (paid, closed), then drafts; open and partial invoices are never forgotten. */
const FORGET_ORDER: Record<InvoiceState, number> = { paid: 0, closed: 0, draft: 1, open: 2, partial: 2 };

/** The stored state's size in bytes, as n8n writes it (JSON). */
export function storedBytes(snapshot: Snapshot): number {
	return Buffer.byteLength(JSON.stringify(encodeSnapshot(snapshot)));
}

/**
 * Keeps the stored state within `maxBytes`, forgetting settled invoices not touched for the
 * longest first (a tenth of them at a time) and never open or partly paid ones. A forgotten
 * invoice that changes later is taken back silently: its previous state is unknown.
 */
export function boundSnapshot(snapshot: Snapshot, maxBytes = MAX_STATE_BYTES): Snapshot {
	// Below this many invoices the state cannot reach the budget: no need to measure it.
	if (snapshot.invoices.size * 40 <= maxBytes) return snapshot;
	let size = storedBytes(snapshot);
	if (size <= maxBytes) return snapshot;
	const forgettable = [...snapshot.invoices]
		.filter(([, entry]) => FORGET_ORDER[entry.state] < 2)
		.sort(([idA, a], [idB, b]) => FORGET_ORDER[a.state] - FORGET_ORDER[b.state] || a.updatedAt - b.updatedAt || idA - idB);
	const invoices = new Map(snapshot.invoices);
	let bounded: Snapshot = { ...snapshot, invoices };
	const step = Math.max(1, Math.ceil(forgettable.length / 10));
	for (let start = 0; start < forgettable.length && size > maxBytes; start += step) {
		for (const [id] of forgettable.slice(start, start + step)) invoices.delete(id);
		bounded = { ...snapshot, invoices };
		size = storedBytes(bounded);
	}
	return bounded;
}
