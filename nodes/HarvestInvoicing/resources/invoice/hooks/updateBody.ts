import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireOrderedDates } from '../../../shared/validation';
import { wrappedRecord } from '../../../transport/requestBody';
import { applyDueTerms, normalizeEditableFields } from './invoiceBody';
import { lineItemsCsvFromParameters } from './lineItemsBody';

/**
 * preSend of Invoice > Update: checks the fields the user chose and sends only those. Line items
 * are sent (and so replaced) only when Replace Line Items is on: Harvest replaces every line item
 * whenever `csv_line_items` is present. An update with nothing to change is refused here, before any
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
		invoice.csv_line_items = lineItemsCsvFromParameters.call(this, true);
	}
	if (Object.keys(invoice).length === 0) {
		throw new NodeOperationError(node, 'Nothing to update: no field was given', {
			itemIndex,
			description: 'Add at least one field under Update Fields, or switch on Replace Line Items.',
		});
	}
	return requestOptions;
}
