import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { invoiceLocator } from '../../shared/invoiceLocator';

const displayOptions = { show: { resource: ['payment'], operation: ['create'] } };

// Amount and Paid At are checked and put in Harvest's form by validatePaymentInput.
const properties: INodeProperties[] = [
	invoiceLocator({}),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: "The amount received, in the invoice's currency: at least 0.01 and at most the amount still due",
		routing: { send: { type: 'body', property: 'payment.amount' } },
	},
	{
		displayName: 'Paid At',
		name: 'paidAt',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'The day the payment was received (a time of day is optional). Sent as written, without time zone conversion, the way Harvest stores payment dates.',
		routing: { send: { type: 'body', property: 'payment.paidAt' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				placeholder: 'e.g. Bank transfer, reference 2026-0615',
				description: 'A note kept with the payment in Harvest',
				routing: { send: { type: 'body', property: 'payment.notes' } },
			},
		],
	},
];

export const paymentCreateDescription: INodeProperties[] = updateDisplayOptions(displayOptions, properties);
