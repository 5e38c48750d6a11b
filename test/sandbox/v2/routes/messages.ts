import { findInvoice } from '../../operations/invoices';
import { deleteMessage, findMessage } from '../../operations/messages';
import { messageTemplate, postV2Message } from '../messages';
import { readIsoDateTime } from '../invoiceFilters';
import { cursorBased } from '../pagination';
import { messageV2 } from '../records';
import { INVOICES_MODULE, type V2Router } from '../route';

/** Messages: cursor list, create (emails and state changes), delete; no GET of one message (404). */
export function registerV2MessageRoutes(router: V2Router): void {
	router.add('GET', '/v2/invoices/:id/messages', ({ params, query, sandbox, origin, path }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		const sinceText = query.get('updated_since');
		const since = sinceText === null || sinceText === '' ? undefined : readIsoDateTime(sinceText);
		const messages = sandbox.store.messagesOf(invoice.id)
			.filter((message) => since === undefined || Date.parse(message.updatedAt) >= since)
			.sort((a, b) => a.id - b.id);
		const { records, envelope } = cursorBased(messages, { origin, path, query, filters: ['updated_since'] });
		return { status: 200, json: { invoice_messages: records.map(messageV2), ...envelope } };
	}, INVOICES_MODULE);

	router.add('GET', '/v2/invoices/:id/messages/new', ({ params, query, sandbox }) => ({
		status: 200,
		json: messageTemplate(sandbox, findInvoice(sandbox.store, params.id), query),
	}), INVOICES_MODULE);

	router.add('POST', '/v2/invoices/:id/messages', ({ params, body, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		return { status: 201, json: messageV2(postV2Message(sandbox, invoice, body)) };
	}, INVOICES_MODULE);

	router.add('DELETE', '/v2/invoices/:id/messages/:messageId', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		deleteMessage(sandbox, invoice, findMessage(sandbox, invoice, params.messageId));
		return { status: 200 };
	}, INVOICES_MODULE);
}
