import type { InvoiceState, TriggerEvent } from './types';

/**
 * The events a change of state stands for. Polls see only the state before and after, so a change
 * that took several steps in between (draft -> open -> paid) is read along Harvest's state machine:
 * a draft that is now paid was sent, a closed invoice that is now open was re-opened. Every invoice
 * is born a draft, so a new invoice is read as coming from draft.
 *
 * A payment deleted from a paid invoice (paid -> partial/open) is only a state change: nothing was
 * paid. Payment events themselves come from the payment list, not from here.
 *
 * Harvest also takes payments on drafts: a draft stays a draft while partly paid, becomes paid when
 * nothing is left due, and is a draft again when those payments are deleted. So `paidCentsBefore`
 * (what was paid when the previous state was seen) matters: a draft that was already partly paid
 * and is now paid was paid, not sent; one that is now partial was sent, but its first part had been
 * paid before; and paid -> draft is payments deleted from a never-sent invoice, not a sent one
 * turned back into a draft.
 */
export function transitionEvents(
	previous: InvoiceState | null,
	current: InvoiceState,
	paidCentsBefore = 0,
): TriggerEvent[] {
	const from = previous ?? 'draft';
	if (from === current) return [];
	const events: TriggerEvent[] = [];
	const paidDraft = from === 'draft' && paidCentsBefore > 0;
	if (from === 'draft' && !(paidDraft && current === 'paid')) events.push('invoiceSent');
	if (from === 'closed') events.push('reopened');
	if (current === 'partial' && (from === 'open' || (from === 'draft' && !paidDraft))) events.push('partiallyPaid');
	if (current === 'paid') events.push('paid');
	if (current === 'closed') events.push('writtenOff');
	if (current === 'draft' && from !== 'paid') events.push('backToDraft');
	events.push('stateChanged');
	return events;
}

/** The events that come after the payments of the same change (payments are what paid it). */
export const EVENTS_AFTER_PAYMENTS: ReadonlySet<TriggerEvent> = new Set([
	'partiallyPaid',
	'paid',
	'writtenOff',
	'backToDraft',
	'stateChanged',
]);
