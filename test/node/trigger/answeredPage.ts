import type { Sandbox } from '../../sandbox';
import { listInvoices, readInvoiceFilters } from '../../sandbox/invoiceQuery';
import { filterV2Invoices, readV2InvoiceFilters } from '../../sandbox/v2/invoiceFilters';

/**
 * The ids of the invoices on the page of the list the sandbox has just answered (run from an
 * onRequest hook, before anything changes): the page a poll has already read, so an invoice on it
 * is seen as it was, whatever happens to it before the poll ends.
 */
export function answeredPage(sandbox: Sandbox, query: URLSearchParams, api: 'v1' | 'v2'): number[] {
	if (api === 'v1') {
		return listInvoices(sandbox.store, readInvoiceFilters(query), sandbox.now().toISOString().slice(0, 10)).map((invoice) => invoice.id);
	}
	const perPage = Number(query.get('per_page') ?? 100);
	const page = Number(query.get('page') ?? 1);
	return filterV2Invoices(sandbox.store, readV2InvoiceFilters(query))
		.slice((page - 1) * perPage, page * perPage)
		.map((invoice) => invoice.id);
}
