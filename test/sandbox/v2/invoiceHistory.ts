import { wasSent } from '../invoiceState';
import type { Invoice, SandboxStore } from '../store';

export interface InvoiceTimes {
	sentAt: string | null;
	paidAt: string | null;
	closedAt: string | null;
}

/**
 * v2's sent_at, paid_at and closed_at, which the store does not keep: read back from the message
 * history and the payments. sent_at is the first email or `send` event since the invoice last went
 * back to draft; paid_at the latest payment of a paid invoice; closed_at the latest `close` event.
 * Seeded or test-made records without history fall back to updated_at.
 */
export function invoiceTimes(store: SandboxStore, invoice: Invoice): InvoiceTimes {
	const messages = store.messagesOf(invoice.id).sort((a, b) => a.id - b.id);
	let sentAt: string | null = null;
	let closedAt: string | null = null;
	for (const message of messages) {
		const event = message.eventType ?? null;
		if (event === 'draft') sentAt = null;
		else if ((event === null || event === 'send') && sentAt === null) sentAt = message.createdAt;
		if (event === 'close') closedAt = message.createdAt;
	}
	const payments = store.paymentsOf(invoice.id).sort((a, b) => (a.paidAt < b.paidAt ? -1 : a.paidAt > b.paidAt ? 1 : a.id - b.id));
	return {
		sentAt: wasSent(invoice) ? (sentAt ?? invoice.updatedAt) : null,
		paidAt: invoice.state === 'paid' ? (payments[payments.length - 1]?.paidAt ?? invoice.updatedAt) : null,
		closedAt: invoice.state === 'closed' ? (closedAt ?? invoice.updatedAt) : null,
	};
}
