import type { InvoiceWatchFilters, InvoiceWatchQuery } from '../invoiceWatchQuery';

const DAY_MS = 86_400_000;

/** A day number as the classic `from`/`to` filters take it: `YYYYMMDD`. */
const compactDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');

/** An instant as the classic `updated_since` takes it: UTC `YYYY-MM-DD HH:MM` (it filters by the minute). */
const utcMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** The trigger's list filters as the classic API reads them; its status filter says all a status means. */
export function v1WatchQuery(filters: InvoiceWatchFilters): InvoiceWatchQuery {
	const qs: InvoiceWatchQuery['qs'] = {};
	if (filters.clientId !== undefined) qs.client = filters.clientId;
	if (filters.page !== undefined) qs.page = filters.page;
	// The neutral status keys are the classic API's own words.
	if (filters.status !== undefined) qs.status = filters.status;
	if (filters.updatedSinceMs !== undefined) qs.updated_since = utcMinute(filters.updatedSinceMs);
	if (filters.issuedFromDay !== undefined) qs.from = compactDay(filters.issuedFromDay);
	if (filters.issuedToDay !== undefined) qs.to = compactDay(filters.issuedToDay);
	return { qs };
}
