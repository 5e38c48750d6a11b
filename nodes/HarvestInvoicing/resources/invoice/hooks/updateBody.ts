import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireChoice, requireOrderedDates } from '../../../shared/validation';
import { addsLineItemsInPlace } from '../../../transport/dialect';
import { wrappedRecord } from '../../../transport/requestBody';
import { LINE_ITEMS_HEADER } from '../../../shared/lineItems';
import { addedLineItemRows, appendLineItemRows, currentLineItemsCsv, LINE_ITEMS_MODES } from './appendLineItems';
import { applyDueTerms, normalizeEditableFields } from './invoiceBody';
import { lineItemsCsvFromParameters } from './lineItemsBody';
import { harvestCredentialType } from '../../../transport/credentialType';

/**
 * preSend of Invoice > Update: checks the fields the user chose and sends only those. Line items
 * are sent only when Change Line Items (`replaceLineItems`) is on: Harvest replaces every line item
 * whenever `csv_line_items` is present, so adding lines sends the current ones (read first) plus the
 * new ones. Workflows saved before Line Items Change existed have no `lineItemsMode`: replace. An update with nothing to change is refused here, before any
 * request, instead of sending an empty PUT.
 */
export async function prepareInvoiceUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const invoice = wrappedRecord(requestOptions, 'invoice');
	normalizeEditableFields(node, invoice, itemIndex);
	requireOrderedDates(
		node,
		{ field: 'Period Start', value: invoice.period_start },
		{ field: 'Period End', value: invoice.period_end },
		itemIndex,
	);
	applyDueTerms.call(this, invoice, 'updateFields');
	if (this.getNodeParameter('replaceLineItems', false) === true) {
		const mode = requireChoice(node, 'Line Items Change', this.getNodeParameter('lineItemsMode', 'replace'), LINE_ITEMS_MODES, itemIndex);
		const csv = await lineItemsCsvFromParameters.call(this, mode === 'replace');
		if (mode === 'append' && addsLineItemsInPlace(await this.getCredentials(harvestCredentialType(this)))) {
			addedLineItemRows(node, csv, itemIndex);
			invoice.added_line_items_csv = csv;
		} else if (mode === 'append') {
			const added = addedLineItemRows(node, csv, itemIndex);
			invoice.csv_line_items = appendLineItemRows(await currentLineItemsCsv.call(this), added, LINE_ITEMS_HEADER.join(','));
		} else {
			invoice.csv_line_items = csv;
		}
	}
	if (Object.keys(invoice).length === 0) {
		throw new NodeOperationError(node, 'Nothing to update: no field was given', {
			itemIndex,
			description: 'Add at least one field under Update Fields, or switch on Change Line Items.',
		});
	}
	return requestOptions;
}
