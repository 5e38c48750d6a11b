import type { Wire } from '../wires';

/**
 * The message body the sandbox parsed, for the fields as v1 names them. v2 takes recipients as
 * `[{ email }]` and has no `include_pay_pal_link` (its successor is deprecated: the node sends neither).
 */
export function messageBody(wire: Wire, fields: Record<string, unknown>): Record<string, unknown> {
	if (wire.api === 'v1') return { message: fields };
	const { include_pay_pal_link: _noV2Twin, recipients, ...rest } = fields;
	const emails = typeof recipients === 'string' ? recipients.split(', ').map((email) => ({ email })) : recipients;
	return { ...rest, recipients: emails };
}

const V2_EVENTS: Record<string, string> = { mark_as_sent: 'send', mark_as_draft: 'draft', mark_as_closed: 'close', re_open: 're-open' };

/** A state change as the sandbox received it: v1 posts to a verb's path, v2 posts a message with its event_type. */
export function stateChange(wire: Wire, invoiceId: number, verb: string, note?: string) {
	if (wire.api === 'v1') {
		return {
			method: 'POST',
			path: `/invoices/${invoiceId}/messages/${verb}`,
			body: note === undefined ? null : { invoice_message: { body: note } },
		};
	}
	return {
		method: 'POST',
		path: `/v2/invoices/${invoiceId}/messages`,
		body: { event_type: V2_EVENTS[verb], ...(note === undefined ? {} : { body: note }) },
	};
}

/** The recipients a message record names, in one string: v1's `full_recipient_list`, v2's `recipients` records. */
export function recipientList(json: Record<string, unknown>): unknown {
	if (!Array.isArray(json.recipients)) return json.full_recipient_list;
	return (json.recipients as Array<{ email: string }>).map((recipient) => recipient.email).join(', ');
}
