import type { IDataObject } from 'n8n-workflow';

import type { InvoiceEvent } from './types';

/**
 * An event as an output item: the invoice's own fields (as the action node outputs them) with
 * `event` and `previous_state` in front, and the payment for payment events.
 */
export function eventItemJson(event: InvoiceEvent): IDataObject {
	const json: IDataObject = { event: event.event, previous_state: event.previousState, ...event.invoice.record };
	// `state` speaks the same words as `previous_state`: an API without a partly paid state would
	// show "open -> open" for the change into partially paid, so the view's state (in the trigger's
	// words, see transport/invoiceView.ts) wins over the record's own.
	json.state = event.invoice.state ?? null;
	if (event.payment) json.payment = event.payment;
	if (event.payments) json.payments = event.payments;
	return json;
}
