import { unprocessable } from './errors';
import type { Invoice, InvoiceState } from './store';

/**
 * The invoice state machine. A state is never written directly: it follows from messages (send,
 * mark_as_*, re_open) and from payments.
 *
 *   draft  --send / mark_as_sent-->  open, or partial when it has payments
 *   draft  --payment-->  draft | paid            (like real Harvest: a draft stays a draft while partly paid)
 *   open   --payment-->  partial | paid          (paid when nothing is left due)
 *   partial/paid --payment deleted-->  open | partial, or draft when it was never sent
 *   open | partial  --mark_as_closed-->  closed  (written off; a paid invoice has nothing to write off)
 *   closed --re_open-->  open, or partial when it has payments
 *   open   --mark_as_draft-->  draft             (only without payments)
 */
export type InvoiceEvent = 'send' | 'mark_as_sent' | 'mark_as_draft' | 'mark_as_closed' | 're_open';

/** The state payments give an invoice; `sent` says whether it left draft (see `wasSent`). */
export function stateFromPayments(amount: number, paid: number, sent = true): 'draft' | 'open' | 'partial' | 'paid' {
	if (paid > 0 && paid >= amount) return 'paid';
	if (!sent) return 'draft';
	return paid > 0 ? 'partial' : 'open';
}

/**
 * Whether an invoice was sent (or marked as sent). Every state but paid tells it; a paid invoice
 * remembers it in `sent`, so that deleting its payments takes a never-sent one back to draft.
 */
export function wasSent(invoice: Pick<Invoice, 'state' | 'sent'>): boolean {
	if (invoice.state === 'paid') return invoice.sent;
	return invoice.state !== 'draft';
}

export function stateAfterEvent(
	current: InvoiceState,
	event: InvoiceEvent,
	money: { amount: number; paid: number },
): InvoiceState {
	switch (event) {
		case 'send':
			// Sending again (a reminder, a thank-you note) is fine; a written-off invoice is not sent.
			if (current === 'closed') throw unprocessable('A closed invoice cannot be sent; re-open it first');
			return current === 'draft' ? stateFromPayments(money.amount, money.paid) : current;
		case 'mark_as_sent':
			if (current !== 'draft') throw unprocessable(`Only a draft invoice can be marked as sent (this one is ${current})`);
			return stateFromPayments(money.amount, money.paid);
		case 'mark_as_draft':
			if (current !== 'open') throw unprocessable(`Only an open invoice without payments can go back to draft (this one is ${current})`);
			return 'draft';
		case 'mark_as_closed':
			if (current !== 'open' && current !== 'partial') {
				throw unprocessable(`Only an open or partially paid invoice can be closed (this one is ${current})`);
			}
			return 'closed';
		case 're_open':
			if (current !== 'closed') throw unprocessable(`Only a closed invoice can be re-opened (this one is ${current})`);
			return stateFromPayments(money.amount, money.paid);
	}
}

/** Payments are recorded on drafts and sent invoices (as real Harvest does) that still have something due. */
export function assertPaymentAllowed(current: InvoiceState, dueAmount: number, paymentAmount: number): void {
	if (current === 'closed') throw unprocessable('A payment cannot be recorded on a closed invoice; re-open it first');
	if (current === 'paid' || dueAmount <= 0) throw unprocessable('This invoice is already paid');
	if (paymentAmount > dueAmount + 1e-9) {
		throw unprocessable(`Amount (${paymentAmount}) is more than the amount due (${dueAmount})`);
	}
}
