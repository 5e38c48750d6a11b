import type { INodeProperties } from 'n8n-workflow';

import { harvestRouting } from '../../transport';
import { paymentCreateDescription } from './create';
import { paymentDeleteDescription } from './delete';
import { paymentGetDescription } from './get';
import { paymentGetManyDescription } from './getAll';
import { readBackCreatedPayment } from './hooks/readBackCreatedPayment';
import { reportDeletedPayment } from './hooks/reportDeletedPayment';
import { validatePaymentInput } from './hooks/validatePaymentInput';

const showOnlyForPayments = { resource: ['payment'] };

export const paymentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPayments },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Record a payment',
				description:
					"Record a payment received for a sent invoice; returns the payment with the invoice's new state and due amount",
				routing: harvestRouting(
					{ method: 'POST', url: 'payment:create' },
					{ preSend: [validatePaymentInput], postReceive: [readBackCreatedPayment] },
				),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a payment',
				description:
					"Remove a recorded payment from an invoice; returns the invoice's new state and due amount",
				routing: harvestRouting(
					{ method: 'DELETE', url: 'payment:delete' },
					{ postReceive: [reportDeletedPayment] },
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a payment',
				description: 'Get one payment of an invoice by its ID',
				routing: harvestRouting({ method: 'GET', url: 'payment:get' }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many payments',
				description: 'List the payments recorded for an invoice',
				routing: harvestRouting({ method: 'GET', url: 'payment:getAll' }),
			},
		],
		default: 'create',
	},
	...paymentCreateDescription,
	...paymentDeleteDescription,
	...paymentGetDescription,
	...paymentGetManyDescription,
];
