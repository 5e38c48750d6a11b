import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { requireChoice, requireDate, requireHarvestIdList, requireOrderedDates } from '../../../shared/validation';
import type { DateRange, LineItems, TrackedTimeImport } from '../../../transport/operationRequest';
import { wrappedRecord } from '../../../transport/requestBody';
import { applyDueTerms, normalizeEditableFields } from './invoiceBody';
import { hasSomeLine, lineItemsFromParameters } from './lineItemsBody';

const IMPORT_CHOICES = ['all', 'period', 'none'] as const;

const INVOICE_KINDS = ['free_form', 'project', 'task', 'people', 'detailed'] as const;
type TrackedTimeSummary = Exclude<(typeof INVOICE_KINDS)[number], 'free_form'>;

/** Projects, import choices and periods of an invoice built from tracked hours and expenses. */
function trackedTimeImport(node: INode, invoice: IDataObject, summary: TrackedTimeSummary, itemIndex: number): TrackedTimeImport {
	const routed = (invoice.fromTrackedTime ?? {}) as IDataObject;
	const projects = requireHarvestIdList(node, 'Projects to Invoice', routed.projectIds, itemIndex);
	const expensePeriod = (routed.expensePeriod ?? {}) as IDataObject;
	const expenseDates: DateRange = {};
	for (const [key, field] of [['from', 'Expense Period Start'], ['to', 'Expense Period End']] as const) {
		if (expensePeriod[key] !== undefined) expenseDates[key] = requireDate(node, field, expensePeriod[key], itemIndex);
	}
	if (projects.length === 0) {
		throw new NodeOperationError(node, 'Projects to Invoice is empty: choose the projects whose hours and expenses to invoice', {
			itemIndex,
		});
	}
	const time: TrackedTimeImport = { projectIds: projects.map(Number), summary };
	for (const [key, field] of [['hours', 'Import Hours'], ['expenses', 'Import Expenses']] as const) {
		if (routed[key] !== undefined) time[key] = requireChoice(node, field, routed[key], IMPORT_CHOICES, itemIndex);
	}
	// On Create, Period Start and End are the period of the hours to import.
	const hoursPeriod: DateRange = {};
	if (invoice.periodStart !== undefined) hoursPeriod.from = String(invoice.periodStart);
	if (invoice.periodEnd !== undefined) hoursPeriod.to = String(invoice.periodEnd);
	delete invoice.periodStart;
	delete invoice.periodEnd;
	requireOrderedDates(node, { field: 'Period Start', value: hoursPeriod.from }, { field: 'Period End', value: hoursPeriod.to }, itemIndex);
	requireOrderedDates(
		node,
		{ field: 'Expense Period Start', value: expenseDates.from },
		{ field: 'Expense Period End', value: expenseDates.to },
		itemIndex,
	);
	if (Object.keys(hoursPeriod).length > 0) time.hoursPeriod = hoursPeriod;
	if (Object.keys(expenseDates).length > 0) time.expensePeriod = expenseDates;
	if (routed.expenseSummary !== undefined) time.expenseSummary = String(routed.expenseSummary);
	return time;
}

/**
 * A free-form invoice is made of its line items: Harvest would save an empty invoice of 0.00
 * without a word, which is never what was meant. Refused here, naming the input the user filled.
 */
function requireSomeLineItems(this: IExecuteSingleFunctions, lineItems: LineItems): void {
	if (hasSomeLine(lineItems)) return;
	const fromCsv = lineItems.typedCsv !== undefined;
	throw new NodeOperationError(
		this.getNode(),
		fromCsv
			? 'Line Items (CSV) has no line item: a free-form invoice needs at least one line after the header'
			: 'Line Items is empty: a free-form invoice needs at least one line item',
		{
			itemIndex: this.getItemIndex(),
			description: fromCsv
				? 'Add one line per item below the header line.'
				: 'Add a line under Line Items, or choose an Invoice Type built from tracked time.',
		},
	);
}

/**
 * preSend of Invoice > Create: checks every field and completes the record before anything is sent:
 * the line items of a free-form invoice, or the projects, import choices and periods of one built
 * from tracked time, and the due terms.
 */
export async function prepareInvoiceCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const invoice = wrappedRecord(requestOptions, 'invoice');
	if (invoice.clientId === undefined || String(invoice.clientId).trim() === '') {
		throw new NodeOperationError(node, 'Client is empty: choose the client the invoice is for', { itemIndex });
	}
	const type = requireChoice(node, 'Invoice Type', invoice.type ?? 'free_form', INVOICE_KINDS, itemIndex);
	delete invoice.type;
	normalizeEditableFields(node, invoice, itemIndex);
	applyDueTerms.call(this, invoice, 'additionalFields');
	if (type === 'free_form') {
		delete invoice.fromTrackedTime;
		const lineItems = await lineItemsFromParameters.call(this, false);
		requireSomeLineItems.call(this, lineItems);
		invoice.lineItems = lineItems as unknown as IDataObject;
	} else {
		invoice.fromTrackedTime = trackedTimeImport(node, invoice, type, itemIndex) as unknown as IDataObject;
	}
	return requestOptions;
}
