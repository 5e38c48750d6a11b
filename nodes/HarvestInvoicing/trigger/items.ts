import type { IDataObject } from 'n8n-workflow';

import type { InvoiceEvent } from './types';

/**
 * An event as an output item: the invoice's own fields (as the action node outputs them) with
 * `event` and `previous_state` in front, and the payment for payment events.
 */
export function eventItemJson(event: InvoiceEvent): IDataObject {
	const json: IDataObject = { event: event.event, previous_state: event.previousState, ...event.invoice };
	// `state` speaks the same words as `previous_state`: on v2 a partly paid invoice's own state is
	// `open`, which would show "open -> open" for the change into partially paid, so the derived
	// state (the hidden `trigger_state`, transport/v2/invoiceView.ts) wins when there is one.
	json.state = event.invoice.trigger_state ?? event.invoice.state ?? null;
	if (event.payment) json.payment = event.payment;
	if (event.payments) json.payments = event.payments;
	return json;
}
