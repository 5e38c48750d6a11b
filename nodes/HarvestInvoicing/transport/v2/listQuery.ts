import type { IDataObject } from 'n8n-workflow';

import type { InvoiceListFilters } from '../operationRequest';

/** v2 lists take up to 2000 records a page: the fewest requests for a whole list. */
export const V2_PAGE_SIZE = 2000;

/**
 * The node filters invoices by the statuses users know from Harvest's screens (and v1's `status`).
 * v2's `state` has only draft, open, paid and closed: a sent invoice not paid in full is `open`
 * there, which is exactly "Unpaid" (open or partly paid); "Open" (nothing paid yet), "Partially
 * Paid" and "Past Due" are told apart by its amounts and due date (see `keepInvoice`).
 */
export const STATES: Record<string, { state: string; keep?: V2InvoiceKeep }> = {
	draft: { state: 'draft' },
	open: { state: 'open', keep: 'nothingPaid' },
	paid: { state: 'paid' },
	closed: { state: 'closed' },
	partial: { state: 'open', keep: 'partial' },
	unpaid: { state: 'open' },
	pastdue: { state: 'open', keep: 'pastdue' },
};

export type V2InvoiceKeep = 'partial' | 'nothingPaid' | 'pastdue';

export interface V2Query {
	qs: IDataObject;
	/** Invoices the list must keep beyond what `state` can say. */
	keep?: V2InvoiceKeep;
}

/** `20260615` or `2026-06-15` -> `2026-06-15` (v2 dates); anything else as given, for Harvest to refuse. */
function isoDay(value: IDataObject[string]): IDataObject[string] {
	const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(String(value ?? ''));
	return match ? `${match[1]}-${match[2]}-${match[3]}` : value;
}

/** `2026-06-15 09:30` (v1, UTC) -> `2026-06-15T09:30:00Z` (v2, ISO 8601). */
function isoDateTime(value: IDataObject[string]): IDataObject[string] {
	const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?Z?$/.exec(String(value ?? ''));
	return match ? `${match[1]}T${match[2]}${match[3] ?? ':00'}Z` : value;
}

/** The node's invoice list filters in v2's words; a status v2 cannot filter on says what to keep. */
export function v2InvoiceFilters(filters: InvoiceListFilters = {}): V2Query {
	const qs: IDataObject = {};
	let keep: V2InvoiceKeep | undefined;
	if (filters.clientId !== undefined) qs.client_id = filters.clientId;
	if (filters.status !== undefined) {
		qs.state = STATES[filters.status].state;
		keep = STATES[filters.status].keep;
	}
	if (filters.issuedFrom !== undefined) qs.from = filters.issuedFrom;
	if (filters.issuedTo !== undefined) qs.to = filters.issuedTo;
	if (filters.updatedSince !== undefined) qs.updated_since = filters.updatedSince;
	qs.per_page = V2_PAGE_SIZE;
	return { qs, keep };
}

/**
 * A list query in v2's words: the page walk's own `to`/`updated_since` (pageWalk.ts writes them
 * as the trigger's cursor does) and the programmatic reads' `client`/`status` filters.
 */
export function v2ListQuery(path: string, qs: IDataObject = {}, method = 'GET'): V2Query {
	const out: IDataObject = {};
	let keep: V2InvoiceKeep | undefined;
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined) continue;
		switch (key) {
			case 'client':
				out.client_id = value;
				break;
			case 'status': {
				const mapped = STATES[String(value)];
				out.state = mapped?.state ?? value;
				keep = mapped?.keep;
				break;
			}
			case 'from':
			case 'to':
				out[key] = isoDay(value);
				break;
			case 'updated_since':
				out.updated_since = isoDateTime(value);
				break;
			default:
				out[key] = value;
		}
	}
	// Only a list read has pages: a POST to /v2/invoices (create) must not carry a page size. A
	// reader that pages for a person (the invoice picker) asks for its own page size.
	if (method === 'GET' && path.endsWith('/invoices') && out.per_page === undefined) out.per_page = V2_PAGE_SIZE;
	return { qs: out, keep };
}

const cents = (value: unknown) => Math.round(Number(value ?? 0) * 100);

/** Whether an open v2 invoice is what the v1 status named: partly paid, not paid at all, or late on `today`. */
export function keepInvoice(keep: V2InvoiceKeep, invoice: IDataObject, today: string): boolean {
	const paid = cents(invoice.amount) - cents(invoice.due_amount);
	if (keep === 'partial') return paid > 0 && cents(invoice.due_amount) > 0;
	if (keep === 'nothingPaid') return paid <= 0;
	return typeof invoice.due_date === 'string' && invoice.due_date < today;
}
