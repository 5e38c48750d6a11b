import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import type { OperationHooks } from '../../transport';
import { invoiceLocator } from '../../shared/invoiceLocator';
import { clientField, invoiceEditableFields, periodField } from '../../shared/invoiceFields';
import { lineItemFields } from '../../shared/lineItemFields';
import { prepareInvoiceUpdate } from './hooks/updateBody';
import { readBackSavedInvoice } from './hooks/readBack';

const TRACKED_TIME_NOTICE =
	'Harvest replaces every line item whenever line items are sent (Add Line Items sends the current ones again): lines made from tracked time or expenses are then no longer linked to them, and those hours and expenses count as unbilled again.';

/** The notice about tracked time, then the line-item inputs, shown when `show` holds. */
function lineItemsInputs(show: Record<string, boolean[]>): INodeProperties[] {
	return [
		{ displayName: TRACKED_TIME_NOTICE, name: 'lineItemsNotice', type: 'notice', displayOptions: { show }, default: '' },
		...lineItemFields(show),
	];
}

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [clientField(), ...invoiceEditableFields, periodField('periodEnd'), periodField('periodStart')].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	{
		displayName: 'Replace Line Items',
		name: 'replaceLineItems',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace every line item of the invoice with the ones given here. When off, line items are left as they are.',
	},
	{
		displayName: 'Add Line Items',
		name: 'addLineItems',
		type: 'boolean',
		displayOptions: { show: { replaceLineItems: [false] } },
		default: false,
		description: 'Whether to add the line items given here after the ones the invoice already has',
	},
	// Shown for Replace, and for Add (only offered while Replace is off): one set of inputs each way.
	...lineItemsInputs({ replaceLineItems: [true] }),
	...lineItemsInputs({ replaceLineItems: [false], addLineItems: [true] }),
];

export const invoiceUpdateDescription: INodeProperties[] = [
	invoiceLocator({ resource: ['invoice'], operation: ['update'] }),
	...updateDisplayOptions({ show: { resource: ['invoice'], operation: ['update'] } }, properties),
];

export const invoiceUpdateHooks: OperationHooks = {
	preSend: [prepareInvoiceUpdate],
	postReceive: [readBackSavedInvoice],
};
