import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import {
	requireChoice,
	requireDate,
	requireHarvestId,
	requireOrderedDates,
	requireUtcMinute,
} from '../../../shared/validation';
import { INVOICE_STATUS_FILTERS, type InvoiceListFilters } from '../../../transport/operationRequest';

export { INVOICE_STATUS_FILTERS };

const FILTER_KEYS = ['status', 'clientId', 'issuedFrom', 'issuedTo', 'updatedSince'];

/** `2026-05-01 14:30` (UTC) -> `2026-05-01T14:30:00Z`. */
const isoMinute = (utcMinute: string) => `${utcMinute.replace(' ', 'T')}:00Z`;

/**
 * Checks Invoice > Get Many's Filters (as routed into the query: `status`, `clientId`...) and writes
 * them in the node's own form (InvoiceListFilters): issue dates as `YYYY-MM-DD`, Updated Since in
 * UTC to the minute (a value without an offset is UTC, a bare date 00:00 UTC).
 */
export function invoiceListFilters(node: INode, itemIndex: number, routed: IDataObject): InvoiceListFilters {
	const qs: IDataObject = { ...routed };
	// A filter added in the UI but left empty filters nothing.
	for (const key of FILTER_KEYS) if (qs[key] === '' || qs[key] === null) delete qs[key];
	if (qs.status !== undefined) qs.status = requireChoice(node, 'Status', qs.status, INVOICE_STATUS_FILTERS, itemIndex);
	if (qs.clientId !== undefined) qs.clientId = requireHarvestId(node, 'Client', qs.clientId, itemIndex);
	const from = qs.issuedFrom === undefined ? undefined : requireDate(node, 'Issued From', qs.issuedFrom, itemIndex);
	const to = qs.issuedTo === undefined ? undefined : requireDate(node, 'Issued To', qs.issuedTo, itemIndex);
	requireOrderedDates(node, { field: 'Issued From', value: from }, { field: 'Issued To', value: to }, itemIndex);
	if (from !== undefined) qs.issuedFrom = from;
	if (to !== undefined) qs.issuedTo = to;
	if (qs.updatedSince !== undefined) {
		qs.updatedSince = isoMinute(requireUtcMinute(node, 'Updated Since', qs.updatedSince, itemIndex));
	}
	return qs as InvoiceListFilters;
}

/** preSend of Invoice > Get Many under n8n's routing: the filters above, checked in the query. */
export async function applyInvoiceListFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = invoiceListFilters(this.getNode(), this.getItemIndex(), requestOptions.qs ?? {});
	return { ...requestOptions, qs: qs as IDataObject };
}
