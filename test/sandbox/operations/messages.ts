import type { SandboxContext } from '../context';
import { DEMO_COMPANY, DEMO_USER, demoUserName } from '../demoAccount';
import { notFound, unprocessable } from '../errors';
import { paidTotal } from '../invoiceMath';
import { stateAfterEvent, type InvoiceEvent } from '../invoiceState';
import type { Invoice, InvoiceMessage, MessageEvent } from '../store';
import { readBoolean, readString, type FieldRecord } from '../wire/fields';
import { touchInvoice } from './invoices';

export type StateChange = Exclude<InvoiceEvent, 'send'>;

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** The v2 `event_type` each state change is recorded as. */
export const EVENT_TYPES: Record<StateChange, MessageEvent> = {
	mark_as_sent: 'send',
	mark_as_draft: 'draft',
	mark_as_closed: 'close',
	re_open: 're-open',
};

const EVENT_SUBJECTS: Record<StateChange, string> = {
	mark_as_sent: 'marked as sent',
	mark_as_draft: 'marked as draft',
	mark_as_closed: 'closed (written off)',
	re_open: 're-opened',
};

export function findMessage(context: SandboxContext, invoice: Invoice, idText: string): InvoiceMessage {
	const message = /^\d+$/.test(idText) ? context.store.messages.get(Number(idText)) : undefined;
	if (!message || message.invoiceId !== invoice.id) throw notFound('Message');
	return message;
}

/**
 * POST /invoices/{id}/messages: sends the invoice (a draft becomes open). Recipients are required,
 * comma-separated emails; a known contact is written `"First Last" <email>` in full-recipient-list.
 * A message sent on a paid invoice is a thank-you note.
 */
export function sendMessage(context: SandboxContext, invoice: Invoice, record: FieldRecord): InvoiceMessage {
	const recipients = (readString(record, 'recipients') ?? '').split(/[,;]/).map((part) => part.trim()).filter(Boolean);
	if (recipients.length === 0) throw unprocessable("Recipients can't be blank");
	const invalid = recipients.filter((recipient) => !EMAIL.test(recipient));
	if (invalid.length > 0) throw unprocessable(`Recipients must be email addresses: ${invalid.join(', ')}`);
	const thankYou = invoice.state === 'paid';
	return deliverEmail(context, invoice, {
		subject: readString(record, 'subject')?.trim() || defaultSubject(invoice, thankYou),
		body: readString(record, 'body') ?? '',
		recipients,
		fullRecipientList: recipients.map((email) => recipientLabel(context, email)).join(', '),
		sendMeACopy: readBoolean(record, 'send_me_a_copy') ?? false,
		attachPdf: readBoolean(record, 'attach_pdf') ?? false,
		includePayPalLink: readBoolean(record, 'include_pay_pal_link') ?? false,
		thankYou,
	});
}

/** Records a sent email (both dialects): a draft becomes open (or partial), a closed invoice refuses. */
export function deliverEmail(context: SandboxContext, invoice: Invoice, content: MessageContent): InvoiceMessage {
	const nextState = stateAfterEvent(invoice.state, 'send', moneyOf(context, invoice));
	const message = addMessage(context, invoice, content);
	invoice.state = nextState;
	invoice.sent = true;
	touchInvoice(context, invoice);
	return message;
}

/**
 * mark_as_sent, mark_as_draft, mark_as_closed and re_open. Each is recorded in the invoice's message
 * history (no recipients, the optional `body`), like Harvest's invoice events.
 */
export function changeState(context: SandboxContext, invoice: Invoice, event: StateChange, record: FieldRecord): InvoiceMessage {
	const nextState = stateAfterEvent(invoice.state, event, moneyOf(context, invoice));
	const message = addMessage(context, invoice, {
		subject: `Invoice #${invoice.number} ${EVENT_SUBJECTS[event]}`,
		body: readString(record, 'body') ?? '',
		recipients: [],
		fullRecipientList: '',
		sendMeACopy: false,
		attachPdf: false,
		includePayPalLink: false,
		thankYou: false,
		eventType: EVENT_TYPES[event],
	});
	invoice.state = nextState;
	if (event === 'mark_as_sent') invoice.sent = true;
	if (event === 'mark_as_draft') invoice.sent = false;
	touchInvoice(context, invoice);
	return message;
}

/** DELETE /invoices/{id}/messages/{mid}: removes the record only; the invoice's state stays. */
export function deleteMessage(context: SandboxContext, invoice: Invoice, message: InvoiceMessage): void {
	context.store.messages.delete(message.id);
	touchInvoice(context, invoice);
}

export type MessageContent = Pick<InvoiceMessage,
	'subject' | 'body' | 'recipients' | 'fullRecipientList' | 'sendMeACopy' | 'attachPdf' | 'includePayPalLink' | 'thankYou'>;

function addMessage(context: SandboxContext, invoice: Invoice, content: MessageContent & { eventType?: MessageEvent }): InvoiceMessage {
	const now = context.clock.timestamp();
	const message: InvoiceMessage = {
		id: context.store.nextId('message'), invoiceId: invoice.id, ...content, sentBy: demoUserName(), sentByEmail: DEMO_USER.email,
		sentFrom: demoUserName(), sentFromEmail: DEMO_USER.email, sendReminderOn: null, createdAt: now, updatedAt: now,
	};
	context.store.messages.set(message.id, message);
	return message;
}

function moneyOf(context: SandboxContext, invoice: Invoice): { amount: number; paid: number } {
	return { amount: invoice.amount, paid: paidTotal(context.store.paymentsOf(invoice.id)) };
}

/** A message sent on a paid invoice is a thank-you note. */
export function defaultSubject(invoice: Invoice, thankYou: boolean): string {
	return thankYou ? `Thank you for your payment of invoice #${invoice.number}` : `Invoice #${invoice.number} from ${DEMO_COMPANY.name}`;
}

export function recipientLabel(context: SandboxContext, email: string): string {
	const contact = [...context.store.contacts.values()].find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
	return contact ? `"${contact.firstName} ${contact.lastName}" <${email}>` : email;
}
