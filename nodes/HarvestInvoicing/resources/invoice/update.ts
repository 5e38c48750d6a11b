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
		displayName: 'Replace Line Items',
		name: 'replaceLineItems',
		type: 'boolean',
		default: false,
		description:
			'Whether to replace every line item of the invoice with the ones given here. When off, line items are left as they are.',
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
