import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { invoiceLocator } from '../../shared/invoiceLocator';

/** Mark as Sent, Mark as Draft, Mark as Closed and Re-Open take the same fields. */
export const STATE_CHANGE_OPERATIONS = ['markAsSent', 'markAsDraft', 'markAsClosed', 'reOpen'];

const displayOptions = { show: { resource: ['message'], operation: STATE_CHANGE_OPERATIONS } };

const properties: INodeProperties[] = [
	invoiceLocator({}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Message',
				name: 'body',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: "A note kept in the invoice's history with this change",
				routing: { send: { type: 'body', property: 'stateChange.note' } },
			},
		],
	},
];

export const messageChangeStateDescription: INodeProperties[] = updateDisplayOptions(displayOptions, properties);
