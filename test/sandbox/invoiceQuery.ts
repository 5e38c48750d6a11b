import { parseDate } from './dates';
import { unprocessable } from './errors';
import type { Invoice, InvoiceState, SandboxStore } from './store';

export const PAGE_SIZE = 50;

/** The seed's six, and `closed` (written off), which real Harvest filters by too. */
export type StatusFilter = InvoiceState | 'unpaid' | 'pastdue';
const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'partial', 'draft', 'paid', 'closed', 'unpaid', 'pastdue'];

export interface InvoiceFilters {
	page: number;
	/** Issue date range, both ends included. */
	from?: string;
	to?: string;
	/** Start of the minute (`YYYY-MM-DDTHH:MM:00Z`) invoices must be updated at or after. */
	updatedSince?: string;
	status?: StatusFilter;
	clientId?: number;
}

/** Reads the list's query string; a filter that cannot be understood answers 422 rather than being ignored. */
export function readInvoiceFilters(query: URLSearchParams): InvoiceFilters {
	const filters: InvoiceFilters = { page: 1 };
	const page = query.get('page');
	if (page !== null) {
		if (!/^\d+$/.test(page) || Number(page) < 1) throw unprocessable('page must be a whole number starting at 1');
		filters.page = Number(page);
	}
	for (const name of ['from', 'to'] as const) {
		const value = query.get(name);
		if (value === null || value === '') continue;
		const date = parseDate(value);
		if (!date) throw unprocessable(`${name} must be a date written YYYYMMDD`);
		filters[name] = date;
	}
	const updatedSince = query.get('updated_since');
	if (updatedSince !== null && updatedSince !== '') filters.updatedSince = startOfMinute(updatedSince);
	const status = query.get('status');
	if (status !== null && status !== '') {
		if (!STATUS_FILTERS.includes(status as StatusFilter)) throw unprocessable(`status must be one of ${STATUS_FILTERS.join(', ')}`);
		filters.status = status as StatusFilter;
	}
	const client = query.get('client');
	if (client !== null && client !== '') {
		if (!/^\d+$/.test(client)) throw unprocessable('client must be a client id');
		filters.clientId = Number(client);
	}
	return filters;
}

/** `updated_since` is UTC with minute precision (`2010-09-25 18:30`); seconds, if sent, are dropped. */
function startOfMinute(text: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?Z?$/.exec(text.trim());
	if (!match || !parseDate(match[1]) || Number(match[2] ?? 0) > 23 || Number(match[3] ?? 0) > 59) {
		throw unprocessable('updated_since must be a UTC date and time written YYYY-MM-DD HH:MM');
	}
	return `${match[1]}T${match[2] ?? '00'}:${match[3] ?? '00'}:00Z`;
}

/**
 * One page of invoices matching every filter given. Order: issue date, newest first, then id,
 * highest first. Harvest documents no order; newest-first is what its "recently created invoices"
 * list suggests, and the id tie-break makes pages stable, so that walking the pages of an unchanged
 * list sees each invoice exactly once.
 */
export function listInvoices(store: SandboxStore, filters: InvoiceFilters, today: string): Invoice[] {
	const start = (filters.page - 1) * PAGE_SIZE;
	const order = store.invoices.inListOrder();
	const page: Invoice[] = [];
	let skipped = 0;
	// Nothing before the first invoice issued on or before `to` can match: start there.
	for (let index = filters.to === undefined ? 0 : store.invoices.firstIssuedOnOrBefore(filters.to); index < order.length; index++) {
		const invoice = order[index];
		if (!matches(invoice, filters, today)) continue;
		if (skipped < start) skipped++;
		else if (page.push(invoice) === PAGE_SIZE) break;
	}
	return page;
}

export { newestFirst } from './invoiceListOrder';

function matches(invoice: Invoice, filters: InvoiceFilters, today: string): boolean {
	if (filters.from !== undefined && invoice.issuedAt < filters.from) return false;
	if (filters.to !== undefined && invoice.issuedAt > filters.to) return false;
	if (filters.updatedSince !== undefined && invoice.updatedAt < filters.updatedSince) return false;
	if (filters.clientId !== undefined && invoice.clientId !== filters.clientId) return false;
	return filters.status === undefined || matchesStatus(invoice, filters.status, today);
}

function matchesStatus(invoice: Invoice, status: StatusFilter, today: string): boolean {
	const unpaid = invoice.state === 'open' || invoice.state === 'partial';
	switch (status) {
		case 'unpaid':
			return unpaid;
		case 'pastdue':
			return unpaid && invoice.dueAt < today;
		default:
			return invoice.state === status;
	}
}
