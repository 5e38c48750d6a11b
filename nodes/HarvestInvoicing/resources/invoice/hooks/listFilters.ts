import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import {
	requireChoice,
	requireDate,
	requireHarvestId,
	requireOrderedDates,
	requireUtcMinute,
} from '../../../shared/validation';

export const INVOICE_STATUS_FILTERS = ['open', 'partial', 'draft', 'paid', 'closed', 'unpaid', 'pastdue'] as const;

const FILTER_KEYS = ['status', 'client', 'from', 'to', 'updated_since'];

/** `2026-05-01` -> `20260501`, the form Harvest's `from`/`to` filters take. */
const compactDate = (date: string) => date.replace(/-/g, '');

/**
 * preSend of Invoice > Get Many: checks the Filters the routing put into the query and writes
 * them the way Harvest v1 reads them: issue dates as `YYYYMMDD`, Updated Since in UTC to the
 * minute (`YYYY-MM-DD HH:MM`; a value without an offset is UTC, a bare date 00:00 UTC).
 */
export async function applyInvoiceListFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	// A filter added in the UI but left empty filters nothing.
	for (const key of FILTER_KEYS) if (qs[key] === '' || qs[key] === null) delete qs[key];
	if (qs.status !== undefined) qs.status = requireChoice(node, 'Status', qs.status, INVOICE_STATUS_FILTERS, itemIndex);
	if (qs.client !== undefined) qs.client = requireHarvestId(node, 'Client', qs.client, itemIndex);
	const from = qs.from === undefined ? undefined : requireDate(node, 'Issued From', qs.from, itemIndex);
	const to = qs.to === undefined ? undefined : requireDate(node, 'Issued To', qs.to, itemIndex);
	requireOrderedDates(node, { field: 'Issued From', value: from }, { field: 'Issued To', value: to }, itemIndex);
	if (from !== undefined) qs.from = compactDate(from);
	if (to !== undefined) qs.to = compactDate(to);
	if (qs.updated_since !== undefined) {
		qs.updated_since = requireUtcMinute(node, 'Updated Since', qs.updated_since, itemIndex);
	}
	return { ...requestOptions, qs };
}
