import { parseDate } from '../dates';
import { unprocessable } from '../errors';
import { newestFirst } from '../invoiceQuery';
import type { Invoice, SandboxStore } from '../store';

/** The filters of `GET /v2/invoices`, repeated in the envelope's links. */
export const INVOICE_FILTERS = ['client_id', 'project_id', 'updated_since', 'from', 'to', 'state'] as const;
const STATES = ['draft', 'open', 'paid', 'closed'] as const;

interface V2InvoiceFilters {
	clientId?: number;
	projectId?: number;
	/** Epoch milliseconds. */
	updatedSince?: number;
	from?: string;
	to?: string;
	state?: (typeof STATES)[number];
}

/**
 * Reads the filters; one that cannot be understood answers 422. `updated_since` is an ISO 8601
 * datetime (`2017-12-31T14:59:22Z`, an offset allowed), compared to the second; `from`/`to` are
 * issue dates written YYYY-MM-DD; `state` is exactly one of draft, open, paid, closed (a partly paid
 * invoice is open).
 */
export function readV2InvoiceFilters(query: URLSearchParams): V2InvoiceFilters {
	const filters: V2InvoiceFilters = {};
	for (const [name, key] of [['client_id', 'clientId'], ['project_id', 'projectId']] as const) {
		const value = query.get(name);
		if (value === null || value === '') continue;
		if (!/^\d+$/.test(value)) throw unprocessable(`${name} must be an id`);
		filters[key] = Number(value);
	}
	const since = query.get('updated_since');
	if (since !== null && since !== '') filters.updatedSince = readIsoDateTime(since);
	for (const name of ['from', 'to'] as const) {
		const value = query.get(name);
		if (value === null || value === '') continue;
		const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDate(value) : null;
		if (!date) throw unprocessable(`${name} must be a date written YYYY-MM-DD`);
		filters[name] = date;
	}
	const state = query.get('state');
	if (state !== null && state !== '') {
		if (!(STATES as readonly string[]).includes(state)) throw unprocessable(`state must be one of ${STATES.join(', ')}`);
		filters.state = state as V2InvoiceFilters['state'];
	}
	return filters;
}

/** Every matching invoice, newest issue date first (the same order as v1's list). */
export function filterV2Invoices(store: SandboxStore, filters: V2InvoiceFilters): Invoice[] {
	return [...store.invoices.values()].filter((invoice) => matches(invoice, filters)).sort(newestFirst);
}

function matches(invoice: Invoice, filters: V2InvoiceFilters): boolean {
	if (filters.clientId !== undefined && invoice.clientId !== filters.clientId) return false;
	if (filters.projectId !== undefined && !invoice.lineItems.some((item) => item.projectId === filters.projectId)) return false;
	if (filters.updatedSince !== undefined && Date.parse(invoice.updatedAt) < filters.updatedSince) return false;
	if (filters.from !== undefined && invoice.issuedAt < filters.from) return false;
	if (filters.to !== undefined && invoice.issuedAt > filters.to) return false;
	if (filters.state !== undefined && (invoice.state === 'partial' ? 'open' : invoice.state) !== filters.state) return false;
	return true;
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function readIsoDateTime(raw: string): number {
	// An unencoded `+01:00` arrives as ` 01:00` (a query string's + is a space).
	const text = raw.replace(/ (\d{2}:\d{2})$/, '+$1').trim();
	const match = ISO_DATE_TIME.exec(text);
	const ms = match && parseDate(match[1]) && Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 60 ? Date.parse(text) : NaN;
	if (Number.isNaN(ms)) throw unprocessable('updated_since must be an ISO 8601 date and time, e.g. 2017-12-31T14:59:22Z');
	return ms;
}
