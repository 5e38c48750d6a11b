import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireChoice, requireOrderedDates } from '../../../shared/validation';
import { wrappedRecord } from '../../../transport/requestBody';
import { applyDueTerms, normalizeEditableFields } from './invoiceBody';
import { hasSomeLine, lineItemsFromParameters } from './lineItemsBody';

/** How Update changes line items when Change Line Items is on (`lineItemsMode`). */
export const LINE_ITEMS_MODES = ['replace', 'append'] as const;
export type LineItemsMode = (typeof LINE_ITEMS_MODES)[number];

/**
 * preSend of Invoice > Update: checks the fields the user chose and sends only those. Line items
 * are sent only when Change Line Items (`replaceLineItems`) is on, to replace every line or to be
 * added after the current ones (how is each API's business). Workflows saved before Line Items
 * Change existed have no `lineItemsMode`: replace. An update with nothing to change is refused
 * here, before any request, instead of sending an empty one.
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
		{ field: 'Period Start', value: invoice.periodStart },
		{ field: 'Period End', value: invoice.periodEnd },
		itemIndex,
	);
	applyDueTerms.call(this, invoice, 'updateFields');
	if (this.getNodeParameter('replaceLineItems', false) === true) {
		const mode = requireChoice(node, 'Line Items Change', this.getNodeParameter('lineItemsMode', 'replace'), LINE_ITEMS_MODES, itemIndex);
		const lineItems = await lineItemsFromParameters.call(this, mode === 'replace');
		// Adding nothing would still rewrite the current lines on the classic API and unlink their tracked time.
		if (mode === 'append' && !hasSomeLine(lineItems)) {
			throw new NodeOperationError(node, 'Line Items is empty: there is no line to add to the invoice', {
				itemIndex,
				description: 'Add the lines to append, or switch Change Line Items off.',
			});
		}
		invoice.lineItems = lineItems as unknown as IDataObject;
		invoice.lineItemsChange = mode;
	}
	if (Object.keys(invoice).length === 0) {
		throw new NodeOperationError(node, 'Nothing to update: no field was given', {
			itemIndex,
			description: 'Add at least one field under Update Fields, or switch on Change Line Items.',
		});
	}
	return requestOptions;
}
