import type { IDataObject } from 'n8n-workflow';

import { currencyCode } from '../../shared/currencies';
import { parseLineItemsCsv, type LineItem } from '../../shared/lineItems';

/**
 * The request records the node's fields build (one wrapped record, e.g. `{ invoice: {...} }`, with
 * the field names of the node's routing) in v2's words. v2 takes the record unwrapped, JSON only.
 */

/** What the translation may need to know about the invoice being changed. */
export interface V2BodyContext {
	/** The invoice being updated, read once when the body needs it (custom due terms, replaced lines). */
	currentInvoice?: () => Promise<IDataObject>;
	/** Today in UTC (`YYYY-MM-DD`): a new invoice's issue date when none is given. */
	today: string;
}

const V2_TERMS = new Set(['upon receipt', 'net 15', 'net 30', 'net 45', 'net 60']);

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** `NET 21` / `upon receipt` -> v2's `payment_term`, and a `due_date` when the term is not one of v2's. */
async function applyDueTerms(out: IDataObject, humanFormat: string, issueDate: unknown, context: V2BodyContext): Promise<void> {
	const term = humanFormat.trim().toLowerCase();
	if (V2_TERMS.has(term)) {
		out.payment_term = term;
		return;
	}
	const days = Number(/^net (\d+)$/.exec(term)?.[1]);
	let issued = typeof issueDate === 'string' ? issueDate : undefined;
	if (issued === undefined && context.currentInvoice) issued = String((await context.currentInvoice()).issue_date ?? '');
	out.payment_term = 'custom';
	out.due_date = addDays(issued && /^\d{4}-\d{2}-\d{2}$/.test(issued) ? issued : context.today, Number.isFinite(days) ? days : 0);
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

function linesOf(csv: unknown): IDataObject[] {
	return parseLineItemsCsv(String(csv ?? '')).map(v2LineItem);
}

/** v1's import choices (`all` / `yes` = a period / `no`) -> one part of v2's `line_items_import`. */
function importPart(
	choice: unknown,
	summaryType: IDataObject[string],
	from: IDataObject[string],
	to: IDataObject[string],
): IDataObject | undefined {
	if (choice === undefined || choice === 'no') return undefined;
	const part: IDataObject = { summary_type: summaryType };
	if (choice === 'yes') {
		part.from = from;
		part.to = to;
	}
	return part;
}

const COPIED_INVOICE_FIELDS = ['client_id', 'number', 'purchase_order', 'subject', 'notes', 'tax', 'tax2', 'discount'];

export async function v2InvoiceBody(invoice: IDataObject, context: V2BodyContext): Promise<IDataObject> {
	const out: IDataObject = {};
	for (const key of COPIED_INVOICE_FIELDS) if (invoice[key] !== undefined) out[key] = invoice[key];
	if (invoice.currency !== undefined) out.currency = currencyCode(invoice.currency);
	if (invoice.issued_at !== undefined) out.issue_date = invoice.issued_at;
	if (invoice.due_at_human_format !== undefined) {
		await applyDueTerms(out, String(invoice.due_at_human_format), invoice.issued_at, context);
	}
	const kind = invoice.kind;
	if (kind !== undefined && kind !== 'free_form') {
		const projectIds = String(invoice.projects_to_invoice ?? '')
			.split(',')
			.filter((id) => id.trim() !== '')
			.map(Number);
		const lineItemsImport: IDataObject = { project_ids: projectIds };
		const time = importPart(invoice.import_hours, kind, invoice.period_start, invoice.period_end);
		if (time) lineItemsImport.time = time;
		const expenses = importPart(
			invoice.import_expenses,
			invoice.expense_summary_type ?? 'project',
			invoice.expense_period_start,
			invoice.expense_period_end,
		);
		if (expenses) lineItemsImport.expenses = expenses;
		out.line_items_import = lineItemsImport;
		return out;
	}
	if (invoice.csv_line_items !== undefined) {
		const lines = linesOf(invoice.csv_line_items);
		if (context.currentInvoice) {
			// Replacing: v2 keeps every line not mentioned, so the current ones are removed by id.
			const current = ((await context.currentInvoice()).line_items ?? []) as IDataObject[];
			out.line_items = [...current.map((line) => ({ id: line.id, _destroy: true })), ...lines];
		} else {
			out.line_items = lines;
		}
	}
	// Lines to add: v2 adds every line sent without an id and keeps the others as they are.
	if (invoice.added_line_items_csv !== undefined) out.line_items = linesOf(invoice.added_line_items_csv);
	return out;
}

/** Comma-separated recipients (as the node checked them) -> v2's `[{ email }]`. */
export function v2MessageBody(message: IDataObject): IDataObject {
	const out: IDataObject = {};
	if (message.recipients !== undefined) {
		out.recipients = String(message.recipients)
			.split(',')
			.map((email) => email.trim())
			.filter((email) => email !== '')
			.map((email) => ({ email }));
	}
	for (const key of ['subject', 'body', 'attach_pdf', 'send_me_a_copy', 'thank_you']) {
		if (message[key] !== undefined) out[key] = message[key];
	}
	// `include_pay_pal_link` has no v2 twin: its successor `include_link_to_client_invoice` is
	// deprecated, and sending it as false would clear the invoice's payment options.
	return out;
}

/** A wall-clock midnight is a payment day (`paid_date`); any other time is a moment (`paid_at`). Never both. */
export function v2PaymentBody(payment: IDataObject): IDataObject {
	const out: IDataObject = {};
	if (payment.amount !== undefined) out.amount = payment.amount;
	if (payment.notes !== undefined) out.notes = payment.notes;
	const paidAt = String(payment.paid_at ?? '');
	const midnight = /^(\d{4}-\d{2}-\d{2})(T00:00(:00)?Z?)?$/.exec(paidAt);
	if (midnight) out.paid_date = midnight[1];
	else if (paidAt !== '') out.paid_at = paidAt;
	return out;
}
