import type { SandboxContext } from '../context';
import { DEMO_COMPANY } from '../demoAccount';
import { unprocessable } from '../errors';
import { changeState, defaultSubject, deliverEmail, recipientLabel, type StateChange } from '../operations/messages';
import type { Invoice, InvoiceMessage } from '../store';
import { readBoolean, readString, type FieldRecord } from '../wire/fields';

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** v2's `event_type` values for invoices and the v1 state change each one is (no `view`: that is estimates'). */
const STATE_EVENTS: Readonly<Record<string, StateChange>> = Object.freeze({
	send: 'mark_as_sent',
	close: 'mark_as_closed',
	draft: 'mark_as_draft',
	're-open': 're_open',
});

/**
 * `POST /v2/invoices/{id}/messages`. Without `event_type` it emails the invoice (recipients or
 * send_me_a_copy needed; a draft opens, as on v1); `send` marks a draft as sent without email;
 * `close`, `draft` and `re-open` follow v1's state rules. Each is recorded as a message.
 */
export function postV2Message(context: SandboxContext, invoice: Invoice, body: FieldRecord): InvoiceMessage {
	const eventType = body.event_type === undefined || body.event_type === null || body.event_type === '' ? null : String(body.event_type);
	if (eventType === null) return sendV2Email(context, invoice, body);
	const change = STATE_EVENTS[eventType];
	if (!change) throw unprocessable(`Event type "${eventType}" is not valid: use send, close, draft or re-open (or none to send an email)`);
	if (change === 'mark_as_sent' && invoice.state !== 'draft') throw unprocessable("Event type can't be send unless invoice is a draft");
	return changeState(context, invoice, change, body);
}

function sendV2Email(context: SandboxContext, invoice: Invoice, body: FieldRecord): InvoiceMessage {
	const recipients = readRecipients(body.recipients);
	const sendMeACopy = readBoolean(body, 'send_me_a_copy') ?? false;
	if (recipients.length === 0 && !sendMeACopy) throw unprocessable('Recipients are required unless send_me_a_copy is true');
	const thankYou = readBoolean(body, 'thank_you') ?? invoice.state === 'paid';
	return deliverEmail(context, invoice, {
		subject: readString(body, 'subject')?.trim() || defaultSubject(invoice, thankYou),
		body: readString(body, 'body') ?? '',
		recipients: recipients.map((recipient) => recipient.email),
		fullRecipientList: recipients
			.map(({ name, email }) => (name ? `"${name.replace(/"/g, '')}" <${email}>` : recipientLabel(context, email)))
			.join(', '),
		sendMeACopy,
		attachPdf: readBoolean(body, 'attach_pdf') ?? false,
		includePayPalLink: false,
		thankYou,
	});
}

function readRecipients(value: unknown): Array<{ name: string; email: string }> {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw unprocessable('recipients must be an array of {name, email}');
	return value.map((entry) => {
		const record = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as FieldRecord) : {};
		const email = (readString(record, 'email') ?? '').trim();
		if (!EMAIL.test(email)) throw unprocessable(`Recipient email "${email}" is not an email address`);
		return { name: (readString(record, 'name') ?? '').trim(), email };
	});
}

/** `GET /v2/invoices/{id}/messages/new`: the subject and body Harvest would propose, to the client's contacts. */
export function messageTemplate(context: SandboxContext, invoice: Invoice, query: URLSearchParams): Record<string, unknown> {
	const thankYou = query.get('thank_you') === 'true';
	const reminder = query.get('reminder') === 'true';
	const client = context.store.clients.get(invoice.clientId);
	const subject = thankYou
		? defaultSubject(invoice, true)
		: reminder
			? `Reminder: invoice #${invoice.number} from ${DEMO_COMPANY.name} is due ${invoice.dueAt}`
			: defaultSubject(invoice, false);
	return {
		invoice_id: invoice.id,
		recipients: context.store.contactsOf(invoice.clientId).map((contact) => ({ name: `${contact.firstName} ${contact.lastName}`, email: contact.email })),
		subject,
		body: `---------------------------------------------\nInvoice Summary\n---------------------------------------------\n` +
			`Invoice ID: ${invoice.number}\nIssue Date: ${invoice.issuedAt}\nClient: ${client?.name ?? ''}\n` +
			`Amount: ${invoice.amount}\nDue: ${invoice.dueAt}\n`,
		reminder,
		thank_you: thankYou,
	};
}
