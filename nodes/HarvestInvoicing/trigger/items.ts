import type { IDataObject } from 'n8n-workflow';

import type { InvoiceEvent } from './types';

/**
 * An event as an output item: the invoice's own fields (as the action node outputs them) with
 * `event` and `previous_state` in front, and the payment for payment events.
 */
export function eventItemJson(event: InvoiceEvent): IDataObject {
	const json: IDataObject = { event: event.event, previous_state: event.previousState, ...event.invoice };
	json.state = event.invoice.state ?? null;
	if (event.payment) json.payment = event.payment;
	if (event.payments) json.payments = event.payments;
	return json;
}
