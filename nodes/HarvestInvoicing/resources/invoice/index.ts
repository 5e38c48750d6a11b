import type { INodeProperties } from 'n8n-workflow';

import { harvestRouting } from '../../transport';
import { invoiceCreateDescription, invoiceCreateHooks } from './create';
import { invoiceDeleteDescription, invoiceDeleteHooks } from './delete';
import { invoiceGetDescription, invoiceGetHooks } from './get';
import { invoiceGetManyDescription, invoiceGetManyHooks } from './getAll';
import { invoiceUpdateDescription, invoiceUpdateHooks } from './update';

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
				name: 'Create',
				value: 'create',
				action: 'Create an invoice',
				description:
					'Create a draft invoice for a client, from line items or from tracked hours and expenses; returns the saved invoice',
				routing: harvestRouting({ method: 'POST', url: 'invoice:create' }, invoiceCreateHooks),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an invoice',
				description: 'Delete an invoice permanently; returns the deleted ID',
				routing: harvestRouting({ method: 'DELETE', url: 'invoice:delete' }, invoiceDeleteHooks),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an invoice',
				description: 'Get one invoice by ID, with its line items and client dashboard link',
				routing: harvestRouting({ method: 'GET', url: 'invoice:get' }, invoiceGetHooks),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many invoices',
				description: 'List invoices, newest first, filtered by status, client, issue dates or last change (no line items)',
				routing: harvestRouting(
					{ method: 'GET', url: 'invoice:getAll', paginated: true },
					invoiceGetManyHooks,
				),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an invoice',
				description:
					'Change chosen fields of an invoice (client, dates, due terms, taxes, notes...); line items only when asked; returns the saved invoice',
				routing: harvestRouting({ method: 'PUT', url: 'invoice:update' }, invoiceUpdateHooks),
			},
		],
		default: 'getAll',
	},
	...invoiceGetManyDescription,
	...invoiceGetDescription,
	...invoiceCreateDescription,
	...invoiceUpdateDescription,
	...invoiceDeleteDescription,
];
