import type { SandboxContext } from '../context';
import { DEMO_USER, demoUserName } from '../demoAccount';
import { notFound, unprocessable } from '../errors';
import { applyTotals, paidTotal, roundMoney } from '../invoiceMath';
import { assertPaymentAllowed, stateFromPayments, wasSent } from '../invoiceState';
import type { Invoice, Payment } from '../store';
import { readDateTime, readNumber, readString, type FieldRecord } from '../wire/fields';
import { touchInvoice } from './invoices';

export function findPayment(context: SandboxContext, invoice: Invoice, idText: string): Payment {
	const payment = /^\d+$/.test(idText) ? context.store.payments.get(Number(idText)) : undefined;
	if (!payment || payment.invoiceId !== invoice.id) throw notFound('Payment');
	return payment;
}

/** POST /invoices/{id}/payments: `amount` (> 0, at most what is due) and `paid-at` are required. */
export function createPayment(context: SandboxContext, invoice: Invoice, record: FieldRecord): Payment {
	const amount = readNumber(record, 'amount');
	if (amount === undefined || amount === null) throw unprocessable("Amount can't be blank");
	if (amount <= 0) throw unprocessable('Amount must be greater than 0');
	const paidAt = readDateTime(record, 'paid_at');
	if (!paidAt) throw unprocessable("Paid-at can't be blank");
	return recordPayment(context, invoice, { amount, paidAt, notes: readString(record, 'notes') ?? '' });
}

/** Records a checked payment (both dialects): at most what is due, then amounts and state follow. */
export function recordPayment(context: SandboxContext, invoice: Invoice, fields: { amount: number; paidAt: string; notes: string }): Payment {
	if (fields.amount <= 0) throw unprocessable('Amount must be greater than 0');
	const rounded = roundMoney(fields.amount);
	assertPaymentAllowed(invoice.state, invoice.dueAmount, rounded);
	const now = context.clock.timestamp();
	const payment: Payment = {
		id: context.store.nextId('payment'), invoiceId: invoice.id, amount: rounded, paidAt: fields.paidAt, notes: fields.notes,
		recordedBy: demoUserName(), recordedByEmail: DEMO_USER.email, createdAt: now, updatedAt: now,
	};
	context.store.payments.set(payment.id, payment);
	settle(context, invoice);
	return payment;
}

/**
 * DELETE /invoices/{id}/payments/{pid}: a paid invoice goes back to partial or open, or to draft when
 * it was never sent (a closed one stays closed).
 */
export function deletePayment(context: SandboxContext, invoice: Invoice, payment: Payment): void {
	context.store.payments.delete(payment.id);
	settle(context, invoice);
}

function settle(context: SandboxContext, invoice: Invoice): void {
	const paid = paidTotal(context.store.paymentsOf(invoice.id));
	applyTotals(invoice, paid);
	if (invoice.state !== 'closed') invoice.state = stateFromPayments(invoice.amount, paid, wasSent(invoice));
	touchInvoice(context, invoice);
}
