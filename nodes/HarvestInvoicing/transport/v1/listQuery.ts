import type { IDataObject } from 'n8n-workflow';

import type { InvoiceListFilters } from '../operationRequest';

/** `2026-05-01` -> `20260501`, the form the classic `from`/`to` filters take. */
const compactDate = (date: string) => date.replace(/-/g, '');

/** `2026-05-01T14:30:00Z` -> `2026-05-01 14:30`: the classic `updated_since`, UTC to the minute. */
const utcMinute = (iso: string) => iso.replace('T', ' ').slice(0, 16);

/** The node's invoice list filters as the classic API reads them. */
export function v1ListQuery(filters: InvoiceListFilters = {}): IDataObject {
	const qs: IDataObject = {};
	if (filters.status !== undefined) qs.status = filters.status;
	if (filters.clientId !== undefined) qs.client = filters.clientId;
	if (filters.issuedFrom !== undefined) qs.from = compactDate(filters.issuedFrom);
	if (filters.issuedTo !== undefined) qs.to = compactDate(filters.issuedTo);
	if (filters.updatedSince !== undefined) qs.updated_since = utcMinute(filters.updatedSince);
	return qs;
}
