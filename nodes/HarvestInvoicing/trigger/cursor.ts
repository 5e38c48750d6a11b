import type { InvoiceView } from '../transport/invoiceView';
import { secondsOf } from './records';

/**
 * Harvest filters changes by the minute (the classic API takes no seconds), so the query goes back one whole minute before
 * the cursor's minute: whatever Harvest means by "since" (from or after that minute), nothing
 * written in the cursor's minute is skipped. What comes back twice is recognised against the
 * snapshot and dropped.
 */
export const OVERLAP_SECONDS = 60;

/** The instant the next listing asks for changes since, epoch milliseconds: the start of a minute. */
export function updatedSinceMs(cursor: number): number {
	const minute = Math.floor(cursor / 60) * 60 - OVERLAP_SECONDS;
	return Math.max(0, minute) * 1000;
}

/**
 * The cursor after a listing: the newest `updated_at` Harvest returned (Harvest's clock, never
 * ours), moved back by the time the listing took. A record changed while the pages were being
 * read may have moved onto a page already read; its `updated_at` is at least the listing's start,
 * which this keeps inside the next query. The cursor never goes backwards.
 */
export function nextCursor(previous: number, invoices: readonly InvoiceView[], walkSeconds = 0): number {
	let newest: number | null = null;
	for (const invoice of invoices) {
		const seconds = secondsOf(invoice.updatedAtMs);
		if (seconds !== null && (newest === null || seconds > newest)) newest = seconds;
	}
	if (newest === null) return previous;
	return Math.max(previous, newest - Math.ceil(Math.max(0, walkSeconds)));
}
