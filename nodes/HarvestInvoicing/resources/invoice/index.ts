import type { INodeProperties } from 'n8n-workflow';

import { harvestRouting } from '../../transport';
import { invoiceGetManyDescription } from './getAll';

const showOnlyForInvoices = { resource: ['invoice'] };

export const invoiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForInvoices },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many invoices',
				description: 'List invoices, newest first, with optional filters',
				routing: harvestRouting({ method: 'GET', url: '/invoices', paginated: true }),
			},
		],
		default: 'getAll',
	},
	...invoiceGetManyDescription,
];
