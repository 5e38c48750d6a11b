import type { INodeProperties } from 'n8n-workflow';

import { harvestRouting, type HarvestRoute } from '../../transport';
import type { OperationKey } from '../../transport/operationRequest';
import { messageChangeStateDescription } from './changeState';
import { messageDeleteDescription } from './delete';
import { messageGetDescription } from './get';
import { messageGetManyDescription } from './getAll';
import { confirmMessageDeleted } from './hooks/confirmMessageDeleted';
import { readBackChangedInvoice } from './hooks/readBackChangedInvoice';
import { readBackSentMessage } from './hooks/readBackSentMessage';
import { requireSingleLineSubject } from './hooks/requireSingleLineSubject';
import { sendToClientContacts } from './hooks/sendToClientContacts';
import { validateRecipients } from './hooks/validateRecipients';
import { messageSendDescription } from './send';

const showOnlyForMessages = { resource: ['message'] };

/** A state change is a POST without recipients; the invoice is read back to show its new state. */
function stateChange(operation: OperationKey) {
	const route: HarvestRoute = { method: 'POST', url: operation };
	return harvestRouting(route, { postReceive: [readBackChangedInvoice] });
}

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForMessages },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a message',
				description: "Delete a message from an invoice's history; the invoice's state does not change",
				routing: harvestRouting(
					{ method: 'DELETE', url: 'message:delete' },
					{ postReceive: [confirmMessageDeleted] },
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a message',
				description: 'Get one message of an invoice (an email sent or a recorded state change) by its ID',
				routing: harvestRouting({ method: 'GET', url: 'message:get' }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many messages',
				description: 'List the messages of an invoice: the emails sent and the state changes recorded',
				routing: harvestRouting({ method: 'GET', url: 'message:getAll' }),
			},
			{
				name: 'Mark as Closed (Write Off)',
				value: 'markAsClosed',
				action: 'Mark an invoice as closed',
				description: 'Write off an open or partially paid invoice (its state becomes closed); returns the invoice',
				routing: stateChange('message:markAsClosed'),
			},
			{
				name: 'Mark as Draft',
				value: 'markAsDraft',
				action: 'Mark an invoice as draft',
				description: 'Turn an open invoice without payments back into a draft; returns the invoice',
				routing: stateChange('message:markAsDraft'),
			},
			{
				name: 'Mark as Sent',
				value: 'markAsSent',
				action: 'Mark an invoice as sent',
				description:
					'Mark a draft invoice as sent without emailing it (its state becomes open); returns the invoice',
				routing: stateChange('message:markAsSent'),
			},
			{
				name: 'Re-Open',
				value: 'reOpen',
				action: 'Reopen an invoice',
				description:
					'Re-open a closed invoice (its state becomes open, or partial when it has payments); returns the invoice',
				routing: stateChange('message:reOpen'),
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send an invoice by email',
				description:
					"Email an invoice to the addresses given or to the client's contacts (a draft becomes open); returns the message sent with the invoice's new state",
				routing: harvestRouting(
					{ method: 'POST', url: 'message:send' },
					{ preSend: [requireSingleLineSubject, sendToClientContacts, validateRecipients], postReceive: [readBackSentMessage] },
				),
			},
		],
		default: 'send',
	},
	...messageChangeStateDescription,
	...messageDeleteDescription,
	...messageGetDescription,
	...messageGetManyDescription,
	...messageSendDescription,
];
