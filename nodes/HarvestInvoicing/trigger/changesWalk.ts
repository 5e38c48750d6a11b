import type { InvoiceWatchFilters } from '../transport/invoiceWatchQuery';
import { updatedSinceMs } from './cursor';
import type { Snapshot } from './types';

/**
 * A regular poll lists the invoices changed since the cursor. After an outage that may be more
 * pages than fit in n8n's poll budget (see baselineWalk.ts), and Harvest sorts that list by issue
 * date, not by change, so no page boundary is a point in time the cursor could move to. A poll that
 * runs out of time stops between pages (BudgetStop, as a baseline part does), and:
 * - reports what its pages show, at once. The snapshot takes in the versions read, so reading them
 *   again (the next part starts again at the day this one stopped in; the poll after the walk reads
 *   again from where it began) matches the snapshot and reports nothing twice. Holding the events
 *   back until the walk is complete, as a baseline does, would mean keeping whole invoices in the
 *   stored state between polls, or reading them all again.
 * - keeps the cursor and records the day it stopped in: the next part lists the same
 *   "changed since", issued on or before that day, and so on until a part reads to the end.
 * - then moves the cursor only to where the first part would have moved it: its newest
 *   `updated_at` less the time it took, so no later than when the walk began, on Harvest's clock. A
 *   change made meanwhile to an invoice issued on a day the walk had passed is listed by no part,
 *   but by the poll after; later parts' `updated_at` may be newer than such a change, so they do
 *   not move the cursor.
 * Overdue invoices are looked for by the part that completes the walk (the probes reason from the
 * snapshot's due dates, up to date only then). A walk's events may come out of change order across
 * its polls; each poll's are in order.
 */

/** A regular poll's listing: changed since the cursor, and when a walk goes on, issued on or before the day it stopped in. */
export function changesFilters(scope: InvoiceWatchFilters, previous: Snapshot): InvoiceWatchFilters {
	const filters: InvoiceWatchFilters = { ...scope, updatedSinceMs: updatedSinceMs(previous.cursor) };
	if (previous.changesWalk) filters.issuedToDay = previous.changesWalk.throughDay;
	return filters;
}

/**
 * The snapshot after one part of the listing. `diffed` is what diffInvoices made of the part's
 * records (with the cursor they would give); `stoppedIn` is the earliest issue day read when the part
 * stopped before the end, undefined when it read to the end.
 */
export function afterListingPart(previous: Snapshot, diffed: Snapshot, stoppedIn: number | undefined): Snapshot {
	const walk = previous.changesWalk;
	if (stoppedIn !== undefined) {
		const cursorAfter = walk?.cursorAfter ?? diffed.cursor;
		return { ...diffed, cursor: previous.cursor, changesWalk: { throughDay: stoppedIn, cursorAfter } };
	}
	// A listing read in one poll: as it always was (a quiet poll keeps the very same snapshot).
	if (!walk) return diffed;
	return { ...diffed, cursor: Math.max(previous.cursor, walk.cursorAfter), changesWalk: undefined };
}
