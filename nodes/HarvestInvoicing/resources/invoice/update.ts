import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import type { OperationHooks } from '../../transport';
import { invoiceLocator } from '../../shared/invoiceLocator';
import { clientField, invoiceEditableFields, periodField } from '../../shared/invoiceFields';
import { lineItemFields } from '../../shared/lineItemFields';
import { prepareInvoiceUpdate } from './hooks/updateBody';
import { readBackSavedInvoice } from './hooks/readBack';

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
		// The name stays `replaceLineItems` (saved workflows use it); on, it now replaces or adds.
		displayName: 'Change Line Items',
		name: 'replaceLineItems',
		type: 'boolean',
		default: false,
		description:
			"Whether to change the invoice's line items: replace them all, or add lines to them. When off, line items are left as they are.",
	},
	{
		displayName: 'Line Items Change',
		name: 'lineItemsMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { replaceLineItems: [true] } },
		options: [
			{
				name: 'Add to Existing Lines',
				value: 'append',
				description: 'Keep the current lines and add the ones given here after them',
			},
			{ name: 'Replace All Lines', value: 'replace', description: 'The invoice gets exactly the lines given here' },
		],
		default: 'replace',
	},
	{
		displayName:
			'Harvest rewrites every line item when lines change, also when adding. Lines imported from tracked hours or expenses lose their link: those hours and expenses count as unbilled again in Harvest and can end up on another invoice.',
		name: 'lineItemsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { replaceLineItems: [true] } },
	},
	...lineItemFields({ replaceLineItems: [true] }),
];

export const invoiceUpdateDescription: INodeProperties[] = [
	invoiceLocator({ resource: ['invoice'], operation: ['update'] }),
	...updateDisplayOptions({ show: { resource: ['invoice'], operation: ['update'] } }, properties),
];

export const invoiceUpdateHooks: OperationHooks = {
	preSend: [prepareInvoiceUpdate],
	postReceive: [readBackSavedInvoice],
};
