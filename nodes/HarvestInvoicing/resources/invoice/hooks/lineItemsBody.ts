import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { lineItemsFromEditor, type LineItemEntry } from '../../../shared/lineItemEditor';
import { parseLineItemsCsv, writeLineItemsCsv } from '../../../shared/lineItems';
import { findLineItemsCsvProblem } from '../../../shared/lineItemsCheck';
import { idParameter } from '../../../transport/idParameter';
import { readInvoice } from '../../../transport/invoiceStatus';

/**
 * `csv_line_items` from the line-item inputs (editor or raw CSV), checked before any request.
 * `refuseEmptyEditor` is for Update: there, an editor without lines would wipe every line item of
 * the invoice, which is far more often a mistake than the intent.
 */
export function lineItemsCsvFromParameters(this: IExecuteSingleFunctions, refuseEmptyEditor: boolean): string {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const input = this.getNodeParameter('lineItemsInput', 'editor') as string;
	if (input === 'csv') {
		const csv = String(this.getNodeParameter('csvLineItems', '') ?? '');
		const problem = findLineItemsCsvProblem(csv);
		if (problem) throw new NodeOperationError(node, `Line Items (CSV) is not usable: ${problem}`, { itemIndex });
		return csv;
	}
	const entries = (this.getNodeParameter('lineItems.lineItem', []) ?? []) as LineItemEntry[];
	if (entries.length === 0 && refuseEmptyEditor) {
		throw new NodeOperationError(node, 'Line Items is empty: replacing with no lines would delete every line item of the invoice', {
			itemIndex,
			description:
				'Add the lines the invoice should have, or switch Replace Line Items off. To really remove every line, choose Raw CSV and enter only the header line.',
		});
	}
	return writeLineItemsCsv(lineItemsFromEditor(node, entries, itemIndex));
}

/**
 * `csv_line_items` for Update with Add Line Items: the invoice's current lines (read from Harvest)
 * followed by the new ones. Harvest has no "append": whenever `csv_line_items` is sent it replaces
 * every line, so the existing ones must be sent again. The new lines are checked before any request.
 */
export async function appendedLineItemsCsv(this: IExecuteSingleFunctions): Promise<string> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const added = parseLineItemsCsv(lineItemsCsvFromParameters.call(this, false));
	if (added.length === 0) {
		throw new NodeOperationError(node, 'Line Items is empty: there is nothing to add', {
			itemIndex,
			description: 'Add the lines to append to the invoice, or switch Add Line Items off.',
		});
	}
	const invoiceId = idParameter(this, 'invoiceId', 'Invoice');
	const current = await readInvoice.call(this, invoiceId);
	let existing;
	try {
		existing = typeof current.csv_line_items === 'string' ? parseLineItemsCsv(current.csv_line_items) : [];
	} catch (error) {
		throw new NodeOperationError(
			node,
			`The line items of invoice ${invoiceId} could not be read, so none were added: ${(error as Error).message}`,
			{ itemIndex },
		);
	}
	return writeLineItemsCsv([...existing, ...added]);
}
