import type { IDataObject } from 'n8n-workflow';

import { epochSeconds } from './records';

/**
 * Harvest filters `updated_since` by the minute, so the query goes back one whole minute before
 * the cursor's minute: whatever Harvest means by "since" (from or after that minute), nothing
 * written in the cursor's minute is skipped. What comes back twice is recognised against the
 * snapshot and dropped.
 */
export const OVERLAP_SECONDS = 60;

/** `updated_since` for the next listing: UTC `YYYY-MM-DD HH:MM`. */
export function updatedSinceParam(cursor: number): string {
	const minute = Math.floor(cursor / 60) * 60 - OVERLAP_SECONDS;
	return new Date(Math.max(0, minute) * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The cursor after a listing: the newest `updated_at` Harvest returned (Harvest's clock, never
 * ours), moved back by the time the listing took. A record changed while the pages were being
 * read may have moved onto a page already read; its `updated_at` is at least the listing's start,
 * which this keeps inside the next query. The cursor never goes backwards.
 */
export function nextCursor(previous: number, invoices: readonly IDataObject[], walkSeconds = 0): number {
	let newest: number | null = null;
	for (const invoice of invoices) {
		const seconds = epochSeconds(invoice.updated_at);
		if (seconds !== null && (newest === null || seconds > newest)) newest = seconds;
	}
	if (newest === null) return previous;
	return Math.max(previous, newest - Math.ceil(Math.max(0, walkSeconds)));
}
