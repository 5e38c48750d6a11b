import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

import { parseCsv } from '../../shared/csv';

/**
 * The data rows of line items to add (the CSV without its header), checked before anything is read
 * or sent: adding nothing would still rewrite the current lines and unlink their tracked time.
 */
export function addedLineItemRows(node: INode, addedCsv: string, itemIndex?: number): string {
	const newline = addedCsv.search(/\r?\n/);
	const rows = newline < 0 ? '' : addedCsv.slice(newline).replace(/^\r?\n/, '');
	if (!parseCsv(rows).some((row) => row.some((field) => field.trim() !== ''))) {
		throw new NodeOperationError(node, 'Line Items is empty: there is no line to add to the invoice', {
			itemIndex,
			description: 'Add the lines to append, or switch Change Line Items off.',
		});
	}
	return rows.replace(/(\r?\n)*$/, '\n');
}

/**
 * Harvest has no "add a line": `csv-line-items` always replaces every line. Adding is therefore the
 * current lines, exactly as Harvest wrote them (quoting and number format kept), followed by the new
 * rows.
 */
export function appendLineItemRows(currentCsv: string, addedRows: string, header: string): string {
	const current = currentCsv.replace(/(\r?\n)+$/, '');
	return `${current === '' ? header : current}\n${addedRows}`;
}

/** The invoice's current `csv_line_items`, read before an Update that adds lines to them. */
export function currentLineItemsCsv(node: INode, invoiceId: string, invoice: IDataObject, itemIndex?: number): string {
	if (typeof invoice.csv_line_items !== 'string') {
		throw new NodeOperationError(node, `Harvest sent no line items for invoice ${invoiceId}, so none could be added; nothing was changed`, {
			itemIndex,
		});
	}
	return invoice.csv_line_items;
}
