import { findInvoice } from '../operations/invoices';
import { changeState, deleteMessage, findMessage, sendMessage, type StateChange } from '../operations/messages';
import type { Router } from '../router';
import { unwrap } from '../wire/body';
import { listDocument, oneDocument } from '../wire/document';
import { messageRecord } from '../wire/records';

/** The seed's send example wraps the body as {"message": ...}; state changes are also sent as {"invoice_message": ...}. */
const MESSAGE_WRAPPERS = ['message', 'invoice_message'];
const STATE_CHANGES: StateChange[] = ['mark_as_sent', 'mark_as_draft', 'mark_as_closed', 're_open'];

export function registerMessageRoutes(router: Router): void {
	const options = { needsInvoicesModule: true };

	// The seed's XML list is <invoice-message type="array"><invoice-message>...; JSON wraps entries as {"message": ...}.
	router.add('GET', '/invoices/:id/messages', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		const messages = sandbox.store.messagesOf(invoice.id).sort((a, b) => a.id - b.id);
		return { status: 200, document: listDocument('message', 'invoice_message', 'invoice_message', messages.map(messageRecord)) };
	}, options);

	router.add('GET', '/invoices/:id/messages/:messageId', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		const message = findMessage(sandbox, invoice, params.messageId);
		return { status: 200, document: oneDocument('message', 'invoice_message', messageRecord(message)) };
	}, options);

	router.add('POST', '/invoices/:id/messages', ({ params, body, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		const message = sendMessage(sandbox, invoice, unwrap(body.document, MESSAGE_WRAPPERS));
		return { status: 201, location: `/invoices/${invoice.id}/messages/${message.id}` };
	}, options);

	router.add('DELETE', '/invoices/:id/messages/:messageId', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		deleteMessage(sandbox, invoice, findMessage(sandbox, invoice, params.messageId));
		return { status: 200 };
	}, options);

	for (const event of STATE_CHANGES) {
		router.add('POST', `/invoices/:id/messages/${event}`, ({ params, body, sandbox }) => {
			const invoice = findInvoice(sandbox.store, params.id);
			changeState(sandbox, invoice, event, unwrap(body.document, MESSAGE_WRAPPERS));
			return { status: 200 };
		}, options);
	}
}
