import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { InvoiceWatchFilters, InvoiceWatchQuery } from '../invoiceWatchQuery';
import { STATES } from './listQuery';
import { keepFilter } from './send';

const DAY_MS = 86_400_000;

/** A day number as v2's `from`/`to` take it: `YYYY-MM-DD`. */
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** An instant as v2's `updated_since` takes it, to the minute as the trigger has always asked: `YYYY-MM-DDTHH:MM:00Z`. */
const isoMinute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}:00Z`;

/**
 * The trigger's list filters in v2's words. v2's `state` cannot say "partly paid" or "past due":
 * those come with what the page walk must keep (see listQuery.ts). No `per_page` here: the
 * programmatic read adds it after the walk's own `page`, as it always has.
 */
export function v2WatchQuery(credentials: ICredentialDataDecryptedObject, filters: InvoiceWatchFilters): InvoiceWatchQuery {
	const qs: InvoiceWatchQuery['qs'] = {};
	let keep: InvoiceWatchQuery['keep'];
	if (filters.clientId !== undefined) qs.client_id = filters.clientId;
	if (filters.page !== undefined) qs.page = filters.page;
	if (filters.status !== undefined) {
		const mapped = STATES[filters.status];
		qs.state = mapped.state;
		keep = keepFilter(credentials, mapped.keep);
	}
	if (filters.updatedSinceMs !== undefined) qs.updated_since = isoMinute(filters.updatedSinceMs);
	if (filters.issuedFromDay !== undefined) qs.from = isoDay(filters.issuedFromDay);
	if (filters.issuedToDay !== undefined) qs.to = isoDay(filters.issuedToDay);
	return { qs, keep };
}
