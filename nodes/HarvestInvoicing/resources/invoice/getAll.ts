import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import type { OperationHooks } from '../../transport';
import { getManyFields } from '../../shared/getManyFields';
import { clientField } from '../../shared/invoiceFields';
import { simplifyField } from '../../shared/simplifyField';
import { applyInvoiceListFilters } from './hooks/listFilters';
import { simplifyInvoiceItems } from './hooks/simplify';

const properties: INodeProperties[] = [
	// Harvest pages the invoice list (50 a page): Return All walks every page (transport/declarativeHooks.ts).
	...getManyFields({}),
	simplifyField({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		// Each filter routes into the query as entered; applyInvoiceListFilters checks and formats them.
		options: [
			clientField({
				hint: 'Only invoices of this client',
				routing: { send: { type: 'query', property: 'clientId' } },
			}),
			{
				displayName: 'Issued From',
				name: 'issuedFrom',
				type: 'dateTime',
				default: '',
				description: 'Only invoices issued on or after this date',
				routing: { send: { type: 'query', property: 'issuedFrom' } },
			},
			{
				displayName: 'Issued To',
				name: 'issuedTo',
				type: 'dateTime',
				default: '',
				description: 'Only invoices issued on or before this date',
				routing: { send: { type: 'query', property: 'issuedTo' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Draft', value: 'draft' },
					{ name: 'Open', value: 'open', description: 'Sent and not paid yet' },
					{ name: 'Paid', value: 'paid' },
					{ name: 'Partially Paid', value: 'partial' },
					{ name: 'Past Due', value: 'pastdue', description: 'Open or partially paid, after the due date' },
					{ name: 'Unpaid', value: 'unpaid', description: 'Open or partially paid' },
					{ name: 'Written Off', value: 'closed', description: 'Closed without being paid in full' },
				],
				default: 'open',
				routing: { send: { type: 'query', property: 'status' } },
			},
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description:
					'Only invoices changed at or after this moment, to the minute. Read in UTC (Harvest filters in UTC): a date alone means 00:00 UTC that day, and a time without an offset is UTC. Add an offset for another zone, e.g. 2026-05-01T09:00:00+02:00.',
				routing: { send: { type: 'query', property: 'updatedSince' } },
			},
		],
	},
];

export const invoiceGetManyDescription = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getAll'] } },
	properties,
);

export const invoiceGetManyHooks: OperationHooks = {
	preSend: [applyInvoiceListFilters],
	postReceive: [simplifyInvoiceItems],
};
