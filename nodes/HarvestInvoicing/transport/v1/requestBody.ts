import type { IDataObject, INode } from 'n8n-workflow';

import { LINE_ITEMS_HEADER, writeLineItemsCsv } from '../../shared/lineItems';
import type {
	ImportChoice,
	InvoiceRecord,
	LineItems,
	MessageRecord,
	OperationRequest,
	PaymentRecord,
	TrackedTimeImport,
} from '../operationRequest';
import { addedLineItemRows, appendLineItemRows, currentLineItemsCsv } from './appendLineItems';
import { humanDueTerms } from './dueTerms';

/** What the translation may need beyond the request: the invoice being changed, for adding lines. */
export interface V1BodyContext {
	node: INode;
	itemIndex: number;
	currentInvoice: () => Promise<IDataObject>;
}

/** Import choices -> the classic `import-hours` / `import-expenses` values. */
const IMPORT_CHOICES: Record<ImportChoice, string> = { all: 'all', period: 'yes', none: 'no' };

/** Raw CSV goes out exactly as typed (quoting and number format kept); editor lines are written. */
const csvOf = (lineItems: LineItems) => lineItems.typedCsv ?? writeLineItemsCsv(lineItems.items);

/** Neutral field -> classic wire field, for the fields that go on the wire as they are. */
const COPIED: Array<[keyof InvoiceRecord, string]> = [
	['clientId', 'client_id'],
	['issueDate', 'issued_at'],
	['number', 'number'],
	['purchaseOrder', 'purchase_order'],
	['subject', 'subject'],
	['notes', 'notes'],
	['tax', 'tax'],
	['tax2', 'tax2'],
	['discount', 'discount'],
	['currency', 'currency'],
	['periodStart', 'period_start'],
	['periodEnd', 'period_end'],
];

function applyImport(out: IDataObject, time: TrackedTimeImport): void {
	out.kind = time.summary;
	out.projects_to_invoice = time.projectIds.join(',');
	if (time.hours !== undefined) out.import_hours = IMPORT_CHOICES[time.hours];
	if (time.hoursPeriod?.from !== undefined) out.period_start = time.hoursPeriod.from;
	if (time.hoursPeriod?.to !== undefined) out.period_end = time.hoursPeriod.to;
	if (time.expenses !== undefined) out.import_expenses = IMPORT_CHOICES[time.expenses];
	if (time.expensePeriod?.from !== undefined) out.expense_period_start = time.expensePeriod.from;
	if (time.expensePeriod?.to !== undefined) out.expense_period_end = time.expensePeriod.to;
	if (time.expenseSummary !== undefined) out.expense_summary_type = time.expenseSummary;
}

async function v1Invoice(request: OperationRequest, invoice: InvoiceRecord, context: V1BodyContext): Promise<IDataObject> {
	const out: IDataObject = {};
	for (const [from, to] of COPIED) if (invoice[from] !== undefined) out[to] = invoice[from] as IDataObject[string];
	if (invoice.dueTerms !== undefined) out.due_at_human_format = humanDueTerms(invoice.dueTerms);
	if (request.operation === 'invoice:create') {
		if (invoice.fromTrackedTime !== undefined) applyImport(out, invoice.fromTrackedTime);
		else out.kind = 'free_form';
	}
	if (invoice.lineItems === undefined) return out;
	if (invoice.lineItemsChange !== 'append') {
		out.csv_line_items = csvOf(invoice.lineItems);
		return out;
	}
	// `csv-line-items` always replaces every line: adding sends the current ones plus the new.
	const added = addedLineItemRows(context.node, csvOf(invoice.lineItems), context.itemIndex);
	const id = String(request.ids.invoiceId ?? '');
	const current = currentLineItemsCsv(context.node, id, await context.currentInvoice(), context.itemIndex);
	out.csv_line_items = appendLineItemRows(current, added, LINE_ITEMS_HEADER.join(','));
	return out;
}

function v1Message(message: MessageRecord): IDataObject {
	const out: IDataObject = {};
	// Harvest documents the recipients as one comma-separated string.
	if (message.recipients !== undefined) out.recipients = message.recipients.join(', ');
	if (message.subject !== undefined) out.subject = message.subject;
	if (message.body !== undefined) out.body = message.body;
	if (message.attachPdf !== undefined) out.attach_pdf = message.attachPdf;
	if (message.sendMeACopy !== undefined) out.send_me_a_copy = message.sendMeACopy;
	if (message.includePaymentLink !== undefined) out.include_pay_pal_link = message.includePaymentLink;
	return out;
}

function v1Payment(payment: PaymentRecord): IDataObject {
	const out: IDataObject = {};
	if (payment.amount !== undefined) out.amount = payment.amount;
	if (payment.paidAt !== undefined) out.paid_at = payment.paidAt;
	if (payment.notes !== undefined) out.notes = payment.notes;
	return out;
}

/** The request's record as the classic API takes it: wrapped in its root, snake_case. */
export async function v1Body(request: OperationRequest, context: V1BodyContext): Promise<IDataObject | undefined> {
	if (request.invoice) return { invoice: await v1Invoice(request, request.invoice, context) };
	if (request.message) return { message: v1Message(request.message) };
	if (request.stateChange) {
		// The state-change endpoints read their optional note from this wrapper.
		return request.stateChange.note === undefined ? undefined : { invoice_message: { body: request.stateChange.note } };
	}
	if (request.payment) return { payment: v1Payment(request.payment) };
	if (request.category) return { invoice_item_category: request.category.name === undefined ? {} : { name: request.category.name } };
	return undefined;
}
