import type { IDataObject } from 'n8n-workflow';

import { currencyCode } from '../../shared/currencies';
import type { LineItem } from '../../shared/lineItems';
import type {
	DateRange,
	DueTerms,
	ImportChoice,
	InvoiceRecord,
	MessageRecord,
	PaymentRecord,
	TrackedTimeImport,
} from '../operationRequest';

/** The node's request records (operationRequest.ts) in v2's words: unwrapped, JSON only. */

/** What the translation may need to know about the invoice being changed. */
export interface V2BodyContext {
	/** The invoice being updated, read once when the body needs it (custom due terms, replaced lines). */
	currentInvoice?: () => Promise<IDataObject>;
	/** Harvest's today (`YYYY-MM-DD`) as far as known: a new invoice's issue date when none is given. */
	today: string;
}

const V2_TERMS = new Set(['upon receipt', 'net 15', 'net 30', 'net 45', 'net 60']);

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Due terms -> v2's `payment_term`, and a `due_date` when the term is not one of v2's. */
async function applyDueTerms(out: IDataObject, terms: DueTerms, issueDate: string | undefined, context: V2BodyContext): Promise<void> {
	const term = terms.term === 'uponReceipt' ? 'upon receipt' : `net ${terms.days}`;
	if (V2_TERMS.has(term)) {
		out.payment_term = term;
		return;
	}
	let issued = issueDate;
	if (issued === undefined && context.currentInvoice) issued = String((await context.currentInvoice()).issue_date ?? '');
	out.payment_term = 'custom';
	if (issued === undefined && !context.currentInvoice) {
		// A new invoice without an issue date: Harvest would issue it on its own today, which this
		// machine may not know; the day the due date counts from is sent too, so NET N holds.
		issued = context.today;
		out.issue_date = issued;
	}
	out.due_date = addDays(issued && /^\d{4}-\d{2}-\d{2}$/.test(issued) ? issued : context.today, terms.days);
}

function v2LineItem(item: LineItem): IDataObject {
	const line: IDataObject = {
		kind: item.kind,
		description: item.description,
		quantity: item.quantity,
		unit_price: item.unit_price,
		taxed: item.taxed,
		taxed2: item.taxed2,
	};
	if (item.project_id !== null) line.project_id = item.project_id;
	return line;
}

/** An import choice (all / a period / none) -> one part of v2's `line_items_import`. */
function importPart(choice: ImportChoice | undefined, summaryType: string, period: DateRange | undefined): IDataObject | undefined {
	if (choice === undefined || choice === 'none') return undefined;
	const part: IDataObject = { summary_type: summaryType };
	if (choice === 'period') {
		part.from = period?.from;
		part.to = period?.to;
	}
	return part;
}

function lineItemsImport(time: TrackedTimeImport): IDataObject {
	const out: IDataObject = { project_ids: time.projectIds };
	const hours = importPart(time.hours, time.summary, time.hoursPeriod);
	if (hours) out.time = hours;
	const expenses = importPart(time.expenses, time.expenseSummary ?? 'project', time.expensePeriod);
	if (expenses) out.expenses = expenses;
	return out;
}

const COPIED: Array<[keyof InvoiceRecord, string]> = [
	['clientId', 'client_id'],
	['number', 'number'],
	['purchaseOrder', 'purchase_order'],
	['subject', 'subject'],
	['notes', 'notes'],
	['tax', 'tax'],
	['tax2', 'tax2'],
	['discount', 'discount'],
];

/** `context.currentInvoice` is there for an update only: a new invoice has nothing to read. */
export async function v2InvoiceBody(invoice: InvoiceRecord, context: V2BodyContext): Promise<IDataObject> {
	const out: IDataObject = {};
	for (const [from, to] of COPIED) if (invoice[from] !== undefined) out[to] = invoice[from] as IDataObject[string];
	if (invoice.currency !== undefined) out.currency = currencyCode(invoice.currency);
	if (invoice.issueDate !== undefined) out.issue_date = invoice.issueDate;
	if (invoice.dueTerms !== undefined) await applyDueTerms(out, invoice.dueTerms, invoice.issueDate, context);
	if (invoice.fromTrackedTime !== undefined) {
		out.line_items_import = lineItemsImport(invoice.fromTrackedTime);
		return out;
	}
	if (invoice.lineItems === undefined) return out;
	const lines = invoice.lineItems.items.map(v2LineItem);
	if (invoice.lineItemsChange === 'replace' && context.currentInvoice) {
		// Replacing: v2 keeps every line not mentioned, so the current ones are removed by id.
		const current = ((await context.currentInvoice()).line_items ?? []) as IDataObject[];
		out.line_items = [...current.map((line) => ({ id: line.id, _destroy: true })), ...lines];
	} else {
		// A new invoice's lines, or lines to add: v2 adds every line sent without an id and keeps the others.
		out.line_items = lines;
	}
	return out;
}

/** Recipients -> v2's `[{ email }]`. */
export function v2MessageBody(message: MessageRecord): IDataObject {
	const out: IDataObject = {};
	if (message.recipients !== undefined) out.recipients = message.recipients.map((email) => ({ email }));
	if (message.subject !== undefined) out.subject = message.subject;
	if (message.body !== undefined) out.body = message.body;
	if (message.attachPdf !== undefined) out.attach_pdf = message.attachPdf;
	if (message.sendMeACopy !== undefined) out.send_me_a_copy = message.sendMeACopy;
	// Include Payment Link has no v2 twin: its successor `include_link_to_client_invoice` is
	// deprecated, and sending it as false would clear the invoice's payment options.
	return out;
}

/** A wall-clock midnight is a payment day (`paid_date`); any other time is a moment (`paid_at`). Never both. */
export function v2PaymentBody(payment: PaymentRecord): IDataObject {
	const out: IDataObject = {};
	if (payment.amount !== undefined) out.amount = payment.amount;
	if (payment.notes !== undefined) out.notes = payment.notes;
	const paidAt = String(payment.paidAt ?? '');
	const midnight = /^(\d{4}-\d{2}-\d{2})(T00:00(:00)?Z?)?$/.exec(paidAt);
	if (midnight) out.paid_date = midnight[1];
	else if (paidAt !== '') out.paid_at = paidAt;
	return out;
}
