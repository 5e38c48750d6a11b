import { unprocessable } from '../../errors';
import { findInvoice } from '../../operations/invoices';
import { deletePayment, findPayment, recordPayment } from '../../operations/payments';
import type { SandboxContext } from '../../context';
import { readBoolean, readDate, readDateTime, readNumber, readString, type FieldRecord } from '../../wire/fields';
import { cursorBased } from '../pagination';
import { paymentV2 } from '../records';
import { INVOICES_MODULE, type V2Router } from '../route';

/** Payments: cursor list, create, delete; no GET of one payment and no update (as Harvest). */
export function registerV2PaymentRoutes(router: V2Router): void {
	router.add('GET', '/v2/invoices/:id/payments', ({ params, query, sandbox, origin, path }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		const payments = sandbox.store.paymentsOf(invoice.id).sort((a, b) => a.id - b.id);
		const { records, envelope } = cursorBased(payments, { origin, path, query, filters: [] });
		return { status: 200, json: { invoice_payments: records.map(paymentV2), ...envelope } };
	}, INVOICES_MODULE);

	router.add('POST', '/v2/invoices/:id/payments', ({ params, body, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		const payment = recordPayment(sandbox, invoice, readV2Payment(sandbox, body));
		return { status: 201, json: paymentV2(payment) };
	}, INVOICES_MODULE);

	router.add('DELETE', '/v2/invoices/:id/payments/:paymentId', ({ params, sandbox }) => {
		const invoice = findInvoice(sandbox.store, params.id);
		deletePayment(sandbox, invoice, findPayment(sandbox, invoice, params.paymentId));
		return { status: 200 };
	}, INVOICES_MODULE);
}

/**
 * `amount` is required; `paid_at` (a datetime) or `paid_date` (a date, stored as midnight UTC), not
 * both; neither means today. `send_thank_you` (default true) is checked but no email is simulated.
 */
function readV2Payment(context: SandboxContext, body: FieldRecord): { amount: number; paidAt: string; notes: string } {
	const amount = readNumber(body, 'amount');
	if (amount === undefined || amount === null) throw unprocessable("Amount can't be blank");
	const hasPaidAt = body.paid_at !== undefined && body.paid_at !== null;
	const hasPaidDate = body.paid_date !== undefined && body.paid_date !== null;
	if (hasPaidAt && hasPaidDate) throw unprocessable('Send paid_at or paid_date, not both');
	readBoolean(body, 'send_thank_you');
	let paidAt = `${context.clock.today()}T00:00:00Z`;
	if (hasPaidAt) {
		const text = readString(body, 'paid_at') ?? '';
		if (!/^\d{4}-\d{2}-\d{2}T/.test(text.trim())) throw unprocessable('paid_at must be an ISO 8601 date and time, e.g. 2017-12-31T14:59:22Z');
		paidAt = readDateTime(body, 'paid_at') as string;
	} else if (hasPaidDate) {
		const date = readDate(body, 'paid_date');
		if (!date) throw unprocessable('paid_date must be a date (YYYY-MM-DD)');
		paidAt = `${date}T00:00:00Z`;
	}
	return { amount, paidAt, notes: readString(body, 'notes') ?? '' };
}
