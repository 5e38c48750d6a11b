import { findInvoice } from '../operations/invoices';
import { createPayment, deletePayment, findPayment } from '../operations/payments';
import type { Router } from '../router';
import { unwrap } from '../wire/body';
import { listDocument, oneDocument } from '../wire/document';
import { paymentRecord } from '../wire/records';

const PAYMENT_WRAPPERS = ['payment'];

export function registerPaymentRoutes(router: Router): void {
	const options = { needsInvoicesModule: true };

	router.add('GET', '/invoices/:id/payments', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		const payments = sandbox.store.paymentsOf(invoice.id).sort((a, b) => a.id - b.id);
		return { status: 200, document: listDocument('payment', 'payments', 'payment', payments.map(paymentRecord)) };
	}, options);

	router.add('GET', '/invoices/:id/payments/:paymentId', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		return { status: 200, document: oneDocument('payment', 'payment', paymentRecord(findPayment(sandbox, invoice, params.paymentId))) };
	}, options);

	router.add('POST', '/invoices/:id/payments', ({ params, body, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		const payment = createPayment(sandbox, invoice, unwrap(body.document, PAYMENT_WRAPPERS));
		return { status: 201, location: `/invoices/${invoice.id}/payments/${payment.id}` };
	}, options);

	router.add('DELETE', '/invoices/:id/payments/:paymentId', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		deletePayment(sandbox, invoice, findPayment(sandbox, invoice, params.paymentId));
		return { status: 200 };
	}, options);
}
