import type { InvoiceState, TriggerEvent } from './types';

/**
 * The events a change of state stands for. Polls see only the state before and after, so a change
 * that took several steps in between (draft -> open -> paid) is read along Harvest's state machine:
 * a draft that is now paid was sent, a closed invoice that is now open was re-opened. Every invoice
 * is born a draft, so a new invoice is read as coming from draft.
 *
 * A payment deleted from a paid invoice (paid -> partial/open) is only a state change: nothing was
 * paid. Payment events themselves come from the payment list, not from here.
 */
export function transitionEvents(previous: InvoiceState | null, current: InvoiceState): TriggerEvent[] {
	const from = previous ?? 'draft';
	if (from === current) return [];
	const events: TriggerEvent[] = [];
	if (from === 'draft') events.push('invoiceSent');
	if (from === 'closed') events.push('reopened');
	if (current === 'partial' && (from === 'draft' || from === 'open')) events.push('partiallyPaid');
	if (current === 'paid') events.push('paid');
	if (current === 'closed') events.push('writtenOff');
	if (current === 'draft') events.push('backToDraft');
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
