import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { parseCsv } from '../../../shared/csv';
import { requireChoice, requireHarvestIdList, requireOrderedDates } from '../../../shared/validation';
import { wrappedRecord } from '../../../transport/requestBody';
import { applyDueTerms, normalizeEditableFields } from './invoiceBody';
import { lineItemsCsvFromParameters } from './lineItemsBody';

/** Import choices as the UI names them -> Harvest's `import-hours` / `import-expenses` values. */
const IMPORT_CHOICES = { all: 'all', period: 'yes', none: 'no' } as const;
type ImportChoice = keyof typeof IMPORT_CHOICES;

const INVOICE_KINDS = ['free_form', 'project', 'task', 'people', 'detailed'] as const;

/** Projects, import choices and periods of an invoice built from tracked hours and expenses. */
function normalizeImportFields(node: INode, invoice: IDataObject, itemIndex: number): void {
	const projects = requireHarvestIdList(node, 'Projects to Invoice', invoice.projects_to_invoice, itemIndex);
	if (projects.length === 0) {
		throw new NodeOperationError(node, 'Projects to Invoice is empty: choose the projects whose hours and expenses to invoice', {
			itemIndex,
		});
	}
	invoice.projects_to_invoice = projects.join(',');
	for (const [key, field] of [['import_hours', 'Import Hours'], ['import_expenses', 'Import Expenses']] as const) {
		if (invoice[key] === undefined) continue;
		const choice: ImportChoice = requireChoice(node, field, invoice[key], Object.keys(IMPORT_CHOICES) as ImportChoice[], itemIndex);
		invoice[key] = IMPORT_CHOICES[choice];
	}
	requireOrderedDates(
		node,
		{ field: 'Period Start', value: invoice.period_start },
		{ field: 'Period End', value: invoice.period_end },
		itemIndex,
	);
	requireOrderedDates(
		node,
		{ field: 'Expense Period Start', value: invoice.expense_period_start },
		{ field: 'Expense Period End', value: invoice.expense_period_end },
		itemIndex,
	);
}

/**
 * A free-form invoice is made of its line items: Harvest would save an empty invoice of 0.00
 * without a word, which is never what was meant. Refused here, naming the input the user filled.
 */
function requireSomeLineItems(this: IExecuteSingleFunctions, csv: string): void {
	const hasLine = parseCsv(csv)
		.slice(1)
		.some((row) => row.some((field) => field.trim() !== ''));
	if (hasLine) return;
	const fromCsv = this.getNodeParameter('lineItemsInput', 'editor') === 'csv';
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
 * line items as `csv_line_items` for a free-form invoice, project IDs and import choices for one
 * built from tracked time, due terms as `due_at_human_format`.
 */
export async function prepareInvoiceCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const invoice = wrappedRecord(requestOptions, 'invoice');
	if (invoice.client_id === undefined || String(invoice.client_id).trim() === '') {
		throw new NodeOperationError(node, 'Client is empty: choose the client the invoice is for', { itemIndex });
	}
	invoice.kind = requireChoice(node, 'Invoice Type', invoice.kind ?? 'free_form', INVOICE_KINDS, itemIndex);
	normalizeEditableFields(node, invoice, itemIndex);
	applyDueTerms.call(this, invoice, 'additionalFields');
	if (invoice.kind === 'free_form') {
		invoice.csv_line_items = await lineItemsCsvFromParameters.call(this, false);
		requireSomeLineItems.call(this, String(invoice.csv_line_items));
	} else {
		normalizeImportFields(node, invoice, itemIndex);
	}
	return requestOptions;
}
