import { listInvoices, readInvoiceFilters } from '../invoiceQuery';
import { createInvoice, deleteInvoice, findInvoice, updateInvoice } from '../operations/invoices';
import type { Router } from '../router';
import { unwrap } from '../wire/body';
import { listDocument, oneDocument } from '../wire/document';
import { invoiceRecord } from '../wire/records';

const INVOICE_WRAPPERS = ['invoice'];

export function registerInvoiceRoutes(router: Router): void {
	const options = { needsInvoicesModule: true };

	// The list wraps each entry as {"invoices": {...}} (plural, as in the seed) and carries no line items.
	router.add('GET', '/invoices', ({ query, sandbox }) => {
		const page = listInvoices(sandbox.store, readInvoiceFilters(query), sandbox.clock.today());
		const records = page.map((invoice) =>
			invoiceRecord(invoice, { clientName: sandbox.store.clients.get(invoice.clientId)?.name ?? '' }),
		);
		return { status: 200, document: listDocument('invoices', 'invoices', 'invoice', records) };
	}, options);

	router.add('GET', '/invoices/:id', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		return { status: 200, document: oneDocument('invoice', 'invoice', invoiceRecord(invoice, { csvLineItems: sandbox.numberFormat })) };
	}, options);

	// Like Harvest, create and update answer with a Location and no body: clients GET the record.
	router.add('POST', '/invoices', ({ body, sandbox }) => {
		const invoice = createInvoice(sandbox, unwrap(body.document, INVOICE_WRAPPERS));
		return { status: 201, location: `/invoices/${invoice.id}` };
	}, options);

	router.add('PUT', '/invoices/:id', ({ params, body, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		updateInvoice(sandbox, invoice, unwrap(body.document, INVOICE_WRAPPERS));
		return { status: 200, location: `/invoices/${invoice.id}` };
	}, options);

	router.add('DELETE', '/invoices/:id', ({ params, sandbox }) => {
		deleteInvoice(sandbox, findInvoice(sandbox.store, params.id));
		return { status: 200 };
	}, options);
}
