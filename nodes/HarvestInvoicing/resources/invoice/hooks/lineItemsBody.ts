import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { lineItemsFromEditor, type LineItemEntry } from '../../../shared/lineItemEditor';
import { lineItemsNeedDecimalSymbol, writeLineItemsCsv } from '../../../shared/lineItems';
import { findLineItemsCsvProblem } from '../../../shared/lineItemsCheck';
import { accountDecimalSymbol } from '../../../transport/request';

/**
 * `csv_line_items` from the line-item inputs (editor or raw CSV), checked before any request.
 * `refuseEmptyEditor` is for Update: there, an editor without lines would wipe every line item of
 * the invoice, which is far more often a mistake than the intent. Raw CSV with decimal commas is
 * checked in the account's number format (one who_am_i request, only then).
 */
export async function lineItemsCsvFromParameters(this: IExecuteSingleFunctions, refuseEmptyEditor: boolean): Promise<string> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const input = this.getNodeParameter('lineItemsInput', 'editor') as string;
	if (input === 'csv') {
		const csv = String(this.getNodeParameter('csvLineItems', '') ?? '');
		const decimalSymbol = lineItemsNeedDecimalSymbol(csv) ? await accountDecimalSymbol.call(this) : '.';
		const problem = findLineItemsCsvProblem(csv, decimalSymbol);
		if (problem) throw new NodeOperationError(node, `Line Items (CSV) is not usable: ${problem}`, { itemIndex });
		return csv;
	}
	const entries = (this.getNodeParameter('lineItems.lineItem', []) ?? []) as LineItemEntry[];
	if (entries.length === 0 && refuseEmptyEditor) {
		throw new NodeOperationError(node, 'Line Items is empty: replacing with no lines would delete every line item of the invoice', {
			itemIndex,
			description:
				'Add the lines the invoice should have, or switch Change Line Items off. To really remove every line, choose Raw CSV and enter only the header line.',
		});
	}
	return writeLineItemsCsv(lineItemsFromEditor(node, entries, itemIndex));
}
