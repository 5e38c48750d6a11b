import { clientKeyFor } from '../clientKey';
import type { SandboxContext } from '../context';
import { DEMO_USER } from '../demoAccount';
import { dueDate, parseDueFormat } from '../dueDates';
import { notFound, unprocessable } from '../errors';
import { commitImport, planImport, releaseEntries, type ExpenseSummary, type ImportChoice, type ImportPlan } from '../invoiceImport';
import { applyTotals, paidTotal } from '../invoiceMath';
import { stateFromPayments, wasSent } from '../invoiceState';
import { parseLineItems } from '../lineItems';
import type { Client, Invoice, InvoiceKind, SandboxStore } from '../store';
import { has, readDate, readId, readNumber, readString, type FieldRecord } from '../wire/fields';

export function findInvoice(store: SandboxStore, idText: string): Invoice {
	const invoice = /^\d+$/.test(idText) ? store.invoices.get(Number(idText)) : undefined;
	if (!invoice) throw notFound('Invoice');
	return invoice;
}

/** Marks an invoice as changed now: every change, including a message or a payment, does this. */
export function touchInvoice(context: SandboxContext, invoice: Invoice): void {
	invoice.updatedAt = context.clock.timestamp();
}

/** The fields a client may set, read and checked; absent fields are left out (v1 and v2 read them from their own bodies). */
export type EditableFields = Partial<Pick<Invoice,
	'clientId' | 'number' | 'issuedAt' | 'dueAt' | 'dueAtHumanFormat' | 'currency' | 'subject' | 'notes' | 'purchaseOrder' |
	'tax' | 'tax2' | 'discount' | 'periodStart' | 'periodEnd' | 'lineItems' | 'estimateId' | 'retainerId' | 'paymentOptions'>>;

/** Tax and discount are percentages: 0 or more, a discount at most 100. */
export function checkPercentage(name: 'tax' | 'tax2' | 'discount', value: number | null): void {
	if (value !== null && (value < 0 || (name === 'discount' && value > 100))) {
		throw unprocessable(`${name.charAt(0).toUpperCase() + name.slice(1)} must be a percentage${name === 'discount' ? ' from 0 to 100' : ' >= 0'}`);
	}
}

function readEditableFields(context: SandboxContext, record: FieldRecord, current: Invoice | undefined): EditableFields {
	const fields: EditableFields = {};
	const clientId = readId(record, 'client_id');
	if (clientId !== undefined) {
		if (!context.store.clients.has(clientId)) throw unprocessable(`Client ${clientId} does not exist`);
		fields.clientId = clientId;
	}
	const number = readString(record, 'number')?.trim();
	if (number !== undefined && number !== '') fields.number = number;
	for (const name of ['subject', 'notes', 'purchase_order'] as const) {
		const value = readString(record, name);
		if (value !== undefined) fields[name === 'purchase_order' ? 'purchaseOrder' : name] = value;
	}
	const currency = readString(record, 'currency')?.trim();
	if (currency) fields.currency = currency;
	const issuedAt = readDate(record, 'issued_at');
	if (issuedAt) fields.issuedAt = issuedAt;
	for (const [name, key] of [['period_start', 'periodStart'], ['period_end', 'periodEnd']] as const) {
		const value = readDate(record, name);
		if (value !== undefined) fields[key] = value;
	}
	for (const name of ['tax', 'tax2', 'discount'] as const) {
		const value = readNumber(record, name);
		if (value === undefined) continue;
		checkPercentage(name, value);
		fields[name] = value;
	}
	const csv = readString(record, 'csv_line_items');
	if (csv !== undefined) fields.lineItems = parseLineItems(csv, context.store, context.numberFormat);
	applyDueFields(record, fields, current);
	return fields;
}

/** due-at follows due-at-human-format and issued-at; an explicit due-at alone makes the format "custom". */
function applyDueFields(record: FieldRecord, fields: EditableFields, current: Invoice | undefined): void {
	const humanText = readString(record, 'due_at_human_format');
	const explicitDueAt = readDate(record, 'due_at');
	const issuedAt = fields.issuedAt ?? current?.issuedAt;
	if (humanText !== undefined && humanText.trim() !== '') {
		const { humanFormat, days } = parseDueFormat(humanText);
		fields.dueAtHumanFormat = humanFormat;
		if (days === null) {
			if (!explicitDueAt && !current) throw unprocessable('Due-at is required when due-at-human-format is "custom"');
		} else if (issuedAt) {
			fields.dueAt = dueDate(issuedAt, days);
		}
	}
	if (explicitDueAt && fields.dueAt === undefined) {
		fields.dueAt = explicitDueAt;
		fields.dueAtHumanFormat ??= 'custom';
	}
	if (fields.dueAt === undefined && fields.issuedAt && current && current.dueAtHumanFormat !== 'custom') {
		fields.dueAt = dueDate(fields.issuedAt, parseDueFormat(current.dueAtHumanFormat).days ?? 0);
	}
}

function readKind(record: FieldRecord): InvoiceKind {
	const text = (readString(record, 'kind') ?? 'free_form').trim().toLowerCase().replace(/-/g, '_');
	if (text === '' || text === 'free_form') return 'free_form';
	if (text === 'project' || text === 'task' || text === 'people' || text === 'detailed') return text;
	throw unprocessable(`Kind "${readString(record, 'kind')}" is not valid: use free_form, project, task, people or detailed`);
}

function readImportChoice(record: FieldRecord, name: string): ImportChoice {
	const value = (readString(record, name) ?? 'no').trim().toLowerCase();
	if (value === 'all' || value === 'yes' || value === 'no') return value;
	if (value === '') return 'no';
	throw unprocessable(`${name.replace(/_/g, '-')} must be all, yes or no`);
}

function readProjectIds(record: FieldRecord): number[] {
	const text = readString(record, 'projects_to_invoice') ?? '';
	const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
	for (const part of parts) if (!/^\d+$/.test(part)) throw unprocessable(`Projects-to-invoice "${text}" must be comma-separated project ids`);
	return [...new Set(parts.map(Number))];
}

function readExpenseSummary(record: FieldRecord): ExpenseSummary | null {
	const value = readString(record, 'expense_summary_type')?.trim().toLowerCase();
	if (value === undefined || value === '') return null;
	if (value === 'project' || value === 'people' || value === 'category' || value === 'detailed') return value;
	throw unprocessable('Expense-summary-type must be project, people, category or detailed');
}

/** Numbers are unique per account; a new invoice without one gets the highest numeric number + 1. */
export function assertNumberFree(store: SandboxStore, number: string, ownId: number | undefined): void {
	for (const invoice of store.invoices.values()) {
		if (invoice.number === number && invoice.id !== ownId) throw unprocessable(`Number ${number} has already been taken`);
	}
}

export function nextNumber(store: SandboxStore): string {
	let highest = 0;
	for (const invoice of store.invoices.values()) {
		if (/^\d+$/.test(invoice.number)) highest = Math.max(highest, Number(invoice.number));
	}
	return String(highest + 1);
}

/** POST /invoices. Checks everything first, so a refused request changes nothing. */
export function createInvoice(context: SandboxContext, record: FieldRecord): Invoice {
	const { store } = context;
	if (!has(record, 'client_id')) throw unprocessable("Client-id can't be blank");
	const fields = readEditableFields(context, record, undefined);
	const client = store.clients.get(fields.clientId as number);
	if (!client) throw unprocessable("Client-id can't be blank");
	const kind = readKind(record);
	const plan: ImportPlan | undefined =
		kind === 'free_form'
			? undefined
			: planImport(store, client.id, {
					kind,
					projectIds: readProjectIds(record),
					hours: readImportChoice(record, 'import_hours'),
					expenses: readImportChoice(record, 'import_expenses'),
					periodStart: fields.periodStart ?? null,
					periodEnd: fields.periodEnd ?? null,
					expensePeriodStart: readDate(record, 'expense_period_start') ?? null,
					expensePeriodEnd: readDate(record, 'expense_period_end') ?? null,
					expenseSummary: readExpenseSummary(record),
				});
	return insertInvoice(context, client, fields, kind, plan);
}

/**
 * Stores a new draft from checked fields (both dialects): the number is checked or given, the due
 * date follows the due format when none is set, the imported hours and expenses become billed.
 */
export function insertInvoice(context: SandboxContext, client: Client, fields: EditableFields, kind: InvoiceKind, plan?: ImportPlan): Invoice {
	const { store, clock } = context;
	const number = fields.number ?? nextNumber(store);
	assertNumberFree(store, number, undefined);
	const issuedAt = fields.issuedAt ?? clock.today();
	const dueAtHumanFormat = fields.dueAtHumanFormat ?? 'upon receipt';
	const now = clock.timestamp();
	const id = store.nextId('invoice');
	const invoice: Invoice = {
		id, clientId: client.id, number, issuedAt, kind, state: 'draft', sent: false,
		periodStart: fields.periodStart ?? plan?.periodStart ?? null, periodEnd: fields.periodEnd ?? plan?.periodEnd ?? null,
		dueAtHumanFormat, dueAt: fields.dueAt ?? dueDate(issuedAt, parseDueFormat(dueAtHumanFormat).days ?? 0),
		currency: fields.currency ?? client.currency, subject: fields.subject ?? '', notes: fields.notes ?? '',
		purchaseOrder: fields.purchaseOrder ?? '', tax: fields.tax ?? null, tax2: fields.tax2 ?? null, discount: fields.discount ?? null,
		amount: 0, taxAmount: 0, tax2Amount: 0, discountAmount: 0, dueAmount: 0, createdAt: now, updatedAt: now,
		clientKey: clientKeyFor(context.dataSeed, id), recurringInvoiceId: null, estimateId: fields.estimateId ?? null,
		retainerId: fields.retainerId ?? null, createdById: DEMO_USER.id, lineItems: [...(plan?.lineItems ?? []), ...(fields.lineItems ?? [])],
		...(fields.paymentOptions ? { paymentOptions: fields.paymentOptions } : {}),
	};
	applyTotals(invoice, 0);
	store.invoices.set(id, invoice);
	if (plan) commitImport(plan, id);
	return invoice;
}

/**
 * PUT /invoices/{id}. Only fields sent change; line items only when `csv-line-items` is sent (then all
 * of them are replaced, and hours and expenses imported into the invoice become unbilled again). Import parameters and `kind` are creation-time choices and are ignored here.
 * The state follows the new amount when the invoice has payments (paid -> partial if it grew); an
 * amount below what was already paid is refused.
 */
export function updateInvoice(context: SandboxContext, invoice: Invoice, record: FieldRecord): void {
	const fields = readEditableFields(context, record, invoice);
	applyInvoiceChanges(context, invoice, fields, { releaseImported: fields.lineItems !== undefined });
}

/**
 * Applies checked fields to an invoice (both dialects): totals and state follow, an amount below the
 * payments is refused and nothing changes. `releaseImported` makes its imported hours and expenses
 * unbilled again (v1 replaces every line).
 */
export function applyInvoiceChanges(context: SandboxContext, invoice: Invoice, fields: EditableFields, options: { releaseImported: boolean }): void {
	if (fields.number !== undefined) assertNumberFree(context.store, fields.number, invoice.id);
	const next: Invoice = { ...invoice, ...fields };
	const paid = paidTotal(context.store.paymentsOf(invoice.id));
	applyTotals(next, paid);
	if (next.dueAmount < 0) throw unprocessable(`The new amount (${next.amount}) is less than the payments recorded (${paid})`);
	if (paid > 0 && next.state !== 'closed') next.state = stateFromPayments(next.amount, paid, wasSent(invoice));
	const redated = next.issuedAt !== invoice.issuedAt;
	Object.assign(invoice, next);
	// Set again when re-dated: the store keeps invoices in list order (invoiceListOrder.ts).
	if (redated) context.store.invoices.set(invoice.id, invoice);
	// New line items are new lines: the imported hours and expenses lose their link and are unbilled again.
	if (options.releaseImported) releaseEntries(context.store, invoice.id);
	touchInvoice(context, invoice);
}

/** DELETE /invoices/{id}: its payments and messages go with it; its hours and expenses become unbilled. */
export function deleteInvoice(context: SandboxContext, invoice: Invoice): void {
	const { store } = context;
	store.invoices.delete(invoice.id);
	for (const payment of store.paymentsOf(invoice.id)) store.payments.delete(payment.id);
	for (const message of store.messagesOf(invoice.id)) store.messages.delete(message.id);
	releaseEntries(store, invoice.id);
}
