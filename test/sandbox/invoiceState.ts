import { unprocessable } from './errors';
import type { InvoiceState } from './store';

/**
 * The invoice state machine. A state is never written directly: it follows from messages (send,
 * mark_as_*, re_open) and from payments.
 *
 *   draft  --send / mark_as_sent-->  open
 *   open   --payment-->  partial | paid          (paid when nothing is left due)
 *   partial/paid --payment deleted-->  open | partial
 *   open | partial  --mark_as_closed-->  closed  (written off; a paid invoice has nothing to write off)
 *   closed --re_open-->  open, or partial when it has payments
 *   open   --mark_as_draft-->  draft             (only without payments: a draft cannot be paid)
 */
export type InvoiceEvent = 'send' | 'mark_as_sent' | 'mark_as_draft' | 'mark_as_closed' | 're_open';

export function stateFromPayments(amount: number, paid: number): 'open' | 'partial' | 'paid' {
	if (paid <= 0) return 'open';
	return paid >= amount ? 'paid' : 'partial';
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
			return current === 'draft' ? 'open' : current;
		case 'mark_as_sent':
			if (current !== 'draft') throw unprocessable(`Only a draft invoice can be marked as sent (this one is ${current})`);
			return 'open';
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
			return money.paid > 0 ? stateFromPayments(money.amount, money.paid) : 'open';
	}
}

/** Payments are only recorded on sent invoices that still have something due. */
export function assertPaymentAllowed(current: InvoiceState, dueAmount: number, paymentAmount: number): void {
	if (current === 'draft') throw unprocessable('A payment cannot be recorded on a draft invoice; send it first');
	if (current === 'closed') throw unprocessable('A payment cannot be recorded on a closed invoice; re-open it first');
	if (current === 'paid' || dueAmount <= 0) throw unprocessable('This invoice is already paid');
	if (paymentAmount > dueAmount + 1e-9) {
		throw unprocessable(`Amount (${paymentAmount}) is more than the amount due (${dueAmount})`);
	}
}
