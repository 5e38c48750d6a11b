import type { INodeProperties } from 'n8n-workflow';

/**
 * The invoice picker every resource uses: from a searchable list, by ID, or by the invoice's
 * Harvest URL (`https://acme.harvestapp.com/invoices/6763297`). The ID is validated again before
 * any request (transport/declarativeHooks.ts).
 */
export function invoiceLocator(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Invoice',
		name: 'invoiceId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an invoice...',
				typeOptions: { searchListMethod: 'searchInvoices', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 6763297',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d+$', errorMessage: 'An invoice ID is made of digits only' },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://acme.harvestapp.com/invoices/6763297',
				extractValue: { type: 'regex', regex: '/invoices/(\\d+)' },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^https?://[^/]+/invoices/\\d+',
							errorMessage: 'Paste the invoice address from Harvest, e.g. https://acme.harvestapp.com/invoices/6763297',
						},
					},
				],
			},
		],
	};
}
