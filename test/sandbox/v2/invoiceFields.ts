import type { SandboxContext } from '../context';
import { dueDate } from '../dueDates';
import { unprocessable } from '../errors';
import { checkPercentage, type EditableFields } from '../operations/invoices';
import type { Invoice } from '../store';
import { readDate, readId, readNumber, readString, type FieldRecord } from '../wire/fields';
import { storedCurrency } from './currency';
import { applyLineItemChanges, readNewLineItems } from './lineItems';
import { paymentTermOf, readPaymentTerm, storedDueFormat } from './paymentTerms';

const PAYMENT_OPTIONS = ['ach', 'credit_card', 'paypal'];

/**
 * A v2 create (current undefined) or PATCH body as the store's checked fields. Unknown keys are
 * ignored, as Harvest does. `payment_term` defaults to custom on create; `due_date` only counts
 * with custom (otherwise the due date follows the term and the issue date).
 */
export function readV2InvoiceFields(context: SandboxContext, body: FieldRecord, current: Invoice | undefined): EditableFields {
	const { store } = context;
	const fields: EditableFields = {};
	const clientId = readId(body, 'client_id');
	if (clientId !== undefined) {
		if (!store.clients.has(clientId)) throw unprocessable(`Client ${clientId} does not exist`);
		fields.clientId = clientId;
	}
	const number = readString(body, 'number')?.trim();
	if (number) fields.number = number;
	if (body.subject !== undefined) fields.subject = readString(body, 'subject');
	if (body.notes !== undefined) fields.notes = readString(body, 'notes');
	if (body.purchase_order !== undefined) fields.purchaseOrder = readString(body, 'purchase_order');
	for (const name of ['tax', 'tax2', 'discount'] as const) {
		const value = readNumber(body, name);
		if (value === undefined) continue;
		checkPercentage(name, value);
		fields[name] = value;
	}
	const currency = readString(body, 'currency');
	if (currency !== undefined && currency.trim() !== '') fields.currency = storedCurrency(currency);
	const issueDate = readDate(body, 'issue_date');
	if (issueDate) fields.issuedAt = issueDate;
	for (const [name, key] of [['period_start', 'periodStart'], ['period_end', 'periodEnd']] as const) {
		const value = readDate(body, name);
		if (value !== undefined) fields[key] = value;
	}
	for (const [name, key] of [['estimate_id', 'estimateId'], ['retainer_id', 'retainerId']] as const) {
		if (body[name] === undefined) continue;
		fields[key] = body[name] === null ? null : (readId(body, name) as number);
	}
	if (body.payment_options !== undefined) fields.paymentOptions = readPaymentOptions(body.payment_options);
	if (body.line_items !== undefined && body.line_items !== null) {
		fields.lineItems = current ? applyLineItemChanges(store, current.lineItems, body.line_items) : readNewLineItems(store, body.line_items);
	}
	applyPaymentTerm(context, body, fields, current);
	return fields;
}

function readPaymentOptions(value: unknown): string[] {
	if (!Array.isArray(value) || value.some((option) => !PAYMENT_OPTIONS.includes(String(option)))) {
		throw unprocessable(`payment_options must be an array of ${PAYMENT_OPTIONS.join(', ')}`);
	}
	return [...new Set(value.map(String))];
}

function applyPaymentTerm(context: SandboxContext, body: FieldRecord, fields: EditableFields, current: Invoice | undefined): void {
	const given = body.payment_term === undefined || body.payment_term === null ? undefined : readPaymentTerm(body.payment_term);
	const term = given ?? (current ? paymentTermOf(current.dueAtHumanFormat) : 'custom');
	const { humanFormat, days } = storedDueFormat(term);
	const dueText = readDate(body, 'due_date');
	const issuedAt = fields.issuedAt ?? current?.issuedAt ?? context.clock.today();
	if (given !== undefined || !current) fields.dueAtHumanFormat = humanFormat;
	if (days === null) {
		// Custom: the due date given, else (new invoice) the issue date; a PATCH without one keeps it.
		if (dueText) fields.dueAt = dueText;
		else if (!current) fields.dueAt = issuedAt;
	} else if (given !== undefined || fields.issuedAt !== undefined || !current) {
		fields.dueAt = dueDate(issuedAt, days);
	}
}
