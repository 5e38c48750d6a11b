import type { INodeProperties } from 'n8n-workflow';

const showOnlyForInvoiceGetMany = { operation: ['getAll'], resource: ['invoice'] };

export const invoiceGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show: showOnlyForInvoiceGetMany },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		displayOptions: { show: { ...showOnlyForInvoiceGetMany, returnAll: [false] } },
		typeOptions: { minValue: 1 },
		default: 50,
		routing: { output: { maxResults: '={{$value}}' } },
		description: 'Max number of results to return',
	},
];
