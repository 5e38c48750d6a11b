import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { parseCsv } from '../../../shared/csv';
import { lineItemsFromEditor, type LineItemEntry } from '../../../shared/lineItemEditor';
import { lineItemsNeedDecimalSymbol, parseLineItemsCsv } from '../../../shared/lineItems';
import { findLineItemsCsvProblem } from '../../../shared/lineItemsCheck';
import type { LineItems } from '../../../transport/operationRequest';
import { accountDecimalSymbol } from '../../../transport/reads';

/**
 * The line items of the line-item inputs (editor or raw CSV), checked before any request.
 * `refuseEmptyEditor` is for Update: there, an editor without lines would wipe every line item of
 * the invoice, which is far more often a mistake than the intent. Raw CSV with decimal commas is
 * read in the account's number format (one extra request, only then); its text is kept as typed.
 */
export async function lineItemsFromParameters(this: IExecuteSingleFunctions, refuseEmptyEditor: boolean): Promise<LineItems> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const input = this.getNodeParameter('lineItemsInput', 'editor') as string;
	if (input === 'csv') {
		const csv = String(this.getNodeParameter('csvLineItems', '') ?? '');
		const decimalSymbol = lineItemsNeedDecimalSymbol(csv) ? await accountDecimalSymbol.call(this) : '.';
		const problem = findLineItemsCsvProblem(csv, decimalSymbol);
		if (problem) throw new NodeOperationError(node, `Line Items (CSV) is not usable: ${problem}`, { itemIndex });
		return { items: parseLineItemsCsv(csv, decimalSymbol), typedCsv: csv };
	}
	const entries = (this.getNodeParameter('lineItems.lineItem', []) ?? []) as LineItemEntry[];
	if (entries.length === 0 && refuseEmptyEditor) {
		throw new NodeOperationError(node, 'Line Items is empty: replacing with no lines would delete every line item of the invoice', {
			itemIndex,
			description:
				'Add the lines the invoice should have, or switch Change Line Items off. To really remove every line, choose Raw CSV and enter only the header line.',
		});
	}
	return { items: lineItemsFromEditor(node, entries, itemIndex) };
}

/** Whether the lines given hold at least one line (raw CSV: a row after the header with some text). */
export function hasSomeLine(lineItems: LineItems): boolean {
	if (lineItems.typedCsv === undefined) return lineItems.items.length > 0;
	return parseCsv(lineItems.typedCsv)
		.slice(1)
		.some((row) => row.some((field) => field.trim() !== ''));
}
