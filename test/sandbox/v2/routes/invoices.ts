import { unprocessable } from '../../errors';
import { applyInvoiceChanges, deleteInvoice, findInvoice, insertInvoice } from '../../operations/invoices';
import { INVOICE_FILTERS, filterV2Invoices, readV2InvoiceFilters } from '../invoiceFilters';
import { readV2InvoiceFields } from '../invoiceFields';
import { ensureLineItemIds } from '../lineItemIds';
import { planV2Import } from '../lineItemsImport';
import { INVOICES_PER_PAGE, pageBased } from '../pagination';
import { invoiceV2 } from '../records';
import { INVOICES_MODULE, type V2Router } from '../route';

/** v2 invoices: page-based list with line items, create and update answer with the invoice. */
export function registerV2InvoiceRoutes(router: V2Router): void {
	router.add('GET', '/v2/invoices', ({ query, sandbox, origin, path }) => {
		const invoices = filterV2Invoices(sandbox.store, readV2InvoiceFilters(query));
		const { records, envelope } = pageBased(
			invoices,
			{ origin, path, query, filters: INVOICE_FILTERS },
			INVOICES_PER_PAGE,
			sandbox.v2MaxPerPage,
		);
		return { status: 200, json: { invoices: records.map((invoice) => invoiceV2(sandbox.store, invoice)), ...envelope } };
	}, INVOICES_MODULE);

	router.add('GET', '/v2/invoices/:id', ({ params, sandbox }) => ({
		status: 200,
		json: invoiceV2(sandbox.store, findInvoice(sandbox.store, params.id)),
	}), INVOICES_MODULE);

	// Everything is checked before anything is stored, so a refused create changes nothing.
	router.add('POST', '/v2/invoices', ({ body, sandbox }) => {
		if (body.client_id === undefined || body.client_id === null || body.client_id === '') throw unprocessable("Client can't be blank");
		const fields = readV2InvoiceFields(sandbox, body, undefined);
		const client = sandbox.store.clients.get(fields.clientId as number);
		if (!client) throw unprocessable("Client can't be blank");
		const imported = body.line_items_import === undefined || body.line_items_import === null
			? undefined
			: planV2Import(sandbox.store, client.id, body.line_items_import);
		const invoice = insertInvoice(sandbox, client, fields, imported?.kind ?? 'free_form', imported?.plan);
		return { status: 201, json: invoiceV2(sandbox.store, invoice) };
	}, INVOICES_MODULE);

	router.add('PATCH', '/v2/invoices/:id', ({ params, body, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		ensureLineItemIds(sandbox.store, invoice); // v1-made lines get the ids the body may name
		applyInvoiceChanges(sandbox, invoice, readV2InvoiceFields(sandbox, body, invoice), { releaseImported: false });
		return { status: 200, json: invoiceV2(sandbox.store, invoice) };
	}, INVOICES_MODULE);

	router.add('DELETE', '/v2/invoices/:id', ({ params, sandbox }) => {
		deleteInvoice(sandbox, findInvoice(sandbox.store, params.id));
		return { status: 200 };
	}, INVOICES_MODULE);
}
