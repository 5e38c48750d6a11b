import type { IDataObject } from 'n8n-workflow';

import type { InvoiceView } from '../transport/invoiceView';

/** Harvest's invoice states; the API never sets one directly, messages and payments move them. */
export const INVOICE_STATES = ['draft', 'open', 'partial', 'paid', 'closed'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/**
 * The trigger's event names. They are saved in users' workflows (the "Trigger On" values), so they
 * are a public interface: add new ones, never rename.
 */
export const TRIGGER_EVENTS = [
	'newInvoice',
	'invoiceSent',
	'partiallyPaid',
	'paid',
	'writtenOff',
	'reopened',
	'backToDraft',
	'overdue',
	'stateChanged',
	'paymentRecorded',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

/** What the user asked to be told about. */
export interface WatchOptions {
	events: readonly TriggerEvent[];
	/** For `stateChanged`: only changes into these states; empty means any state. */
	stateChangedTo?: readonly InvoiceState[];
	/** Attach the invoice's payments to every event. */
	includePayments?: boolean;
}

/**
 * What the trigger remembers about one invoice between polls: just enough to tell what changed,
 * never the invoice itself.
 */
export interface InvoiceEntry {
	state: InvoiceState;
	/** `updated_at` in epoch seconds. */
	updatedAt: number;
	/** amount - due_amount, in cents: moves whenever a payment is recorded or deleted. */
	paidCents: number;
	/**
	 * Ids of the payments known to exist, or null when they were never listed (an invoice seen at
	 * the baseline, or while payments were not watched). For null, payments created up to
	 * `updatedAt` (and adding up to at most `paidCents`) count as known.
	 */
	payments: number[] | null;
	/** Issue and due dates as days since 1970-01-01; kept only while open or partial (overdue watch). */
	issuedDay?: number;
	dueDay?: number;
	/** Reported (or found at the baseline) as past due; cleared when it leaves open/partial. */
	overdue: boolean;
}

export interface Snapshot {
	/** What the snapshot covers: `all` or `client:<id>`. Another scope means another baseline. */
	scope: string;
	/** Epoch seconds the watch started at: unknown invoices created from then on are new. */
	since: number;
	/** Epoch seconds: the newest `updated_at` Harvest returned, less the time the listing took. */
	cursor: number;
	/** Whether the overdue flags are maintained (overdue was watched on the last poll). */
	overdueTracked: boolean;
	invoices: Map<number, InvoiceEntry>;
	/** The `updated_at` aged entries read back as (see agedEntries.ts); never decreases. */
	agedUpTo?: number;
	/** Present while the first baseline is still being read, a part per poll (see baselineWalk.ts). */
	baselineWalk?: BaselineWalk;
	/** Present while a regular poll's listing is still being read, a part per poll (see changesWalk.ts). */
	changesWalk?: ChangesWalk;
}

/** How far a baseline taken over several polls has got. */
export interface BaselineWalk {
	/**
	 * Day number: the invoices issued on or before it are still to be read. Harvest lists newest
	 * issue date first, and a part may stop inside a day, so that day is read again (by id, once).
	 */
	throughDay: number;
	/** Epoch seconds, this machine's clock, when the baseline began: the cursor goes back to it. */
	startedAt: number;
}

/** How far a regular poll's listing (changed since the cursor) read over several polls has got. */
export interface ChangesWalk {
	/** Day number: the changed invoices issued on or before it are still to be read (as in BaselineWalk). */
	throughDay: number;
	/** Epoch seconds: the cursor the first part would have moved to; the cursor moves there once the walk is complete. */
	cursorAfter: number;
}

/** One event, before it becomes an output item. */
export interface InvoiceEvent {
	event: TriggerEvent;
	previousState: InvoiceState | null;
	invoice: InvoiceView;
	payment?: IDataObject;
	payments?: IDataObject[];
}

/**
 * What the past-due search found: every open or partial invoice due on or before `pastDueThrough`
 * (a day number) is past due at Harvest, and `records` holds the past-due list entries of the ones
 * that just became overdue (not needed when the flags are only being synced).
 */
export interface OverdueFindings {
	pastDueThrough: number | null;
	records: InvoiceView[];
	/** Tracked invoices Harvest no longer lists at all (deleted: its lists never say so); forgotten. */
	gone?: number[];
}

/** Everything one poll read from Harvest. */
export interface PollFetch {
	/** All pages of the list of invoices changed since the cursor, in any order, repeats allowed. */
	invoices: InvoiceView[];
	/** Seconds the listing took: the cursor is moved back by that much (see cursor.ts). */
	walkSeconds?: number;
	/** `GET /invoices/{id}/payments` for the ids a previous diff asked for in `needsPayments`. */
	payments?: ReadonlyMap<number, IDataObject[]>;
	/** Present when overdue is watched. */
	overdue?: OverdueFindings;
}

export interface DiffResult {
	events: InvoiceEvent[];
	next: Snapshot;
	/**
	 * Invoices whose payments must be read before the events are complete. When it is not empty the
	 * events and snapshot must not be used: read them and diff again.
	 */
	needsPayments: number[];
}
