import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { LINE_ITEMS_HEADER } from './lineItems';

/**
 * The line-item inputs Create and Update share: an editor (one entry per line, written as correctly
 * quoted CSV) or raw `csv-line-items`. `show` says when they appear; no routing: the operation's
 * preSend turns them into the record's `lineItems` (see resources/invoice/hooks/lineItemsBody.ts).
 */
export function lineItemFields(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Line Items Input',
			name: 'lineItemsInput',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [
				{ name: 'Line Item Editor', value: 'editor', description: 'Enter each line in its own fields' },
				{ name: 'Raw CSV', value: 'csv', description: "Paste line items as CSV, in Harvest's line-item CSV format" },
			],
			default: 'editor',
		},
		{
			displayName: 'Line Items',
			name: 'lineItems',
			type: 'fixedCollection',
			placeholder: 'Add Line Item',
			typeOptions: { multipleValues: true, sortable: true },
			displayOptions: { show: { ...show, lineItemsInput: ['editor'] } },
			default: {},
			options: [
				{
					displayName: 'Line Item',
					name: 'lineItem',
					values: [
						{
							displayName: 'Category Name or ID',
							name: 'kind',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCategories' },
							default: '',
							required: true,
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							hint: 'The item category (Harvest calls it kind), e.g. Service or Product',
						},
						{
							displayName: 'Description',
							name: 'description',
							type: 'string',
							typeOptions: { rows: 2 },
							default: '',
							description: 'May hold commas, quotes and line breaks',
						},
						{
							displayName: 'Project Name or ID',
							name: 'projectId',
							type: 'options',
							typeOptions: {
								loadOptionsMethod: 'getProjectsOrNone',
								loadOptionsDependsOn: ['clientId', 'updateFields.clientId'],
							},
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							hint: 'Project the line belongs to (optional)',
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							typeOptions: { numberPrecision: 2 },
							default: 1,
						},
						{
							displayName: 'Taxed',
							name: 'taxed',
							type: 'boolean',
							default: false,
							description: 'Whether the first tax applies to this line',
						},
						{
							displayName: 'Taxed 2',
							name: 'taxed2',
							type: 'boolean',
							default: false,
							description: 'Whether the second tax applies to this line',
						},
						{
							displayName: 'Unit Price',
							name: 'unitPrice',
							type: 'number',
							typeOptions: { numberPrecision: 2 },
							default: 0,
							description: 'Price of one unit; the line amount is quantity times unit price',
						},
					],
				},
			],
		},
		{
			displayName: 'Line Items (CSV)',
			name: 'csvLineItems',
			type: 'string',
			typeOptions: { rows: 6 },
			displayOptions: { show: { ...show, lineItemsInput: ['csv'] } },
			default: '',
			required: true,
			placeholder: `${LINE_ITEMS_HEADER.join(',')}\nService,"Design, phase 1",10,95.00,950.0,true,false,`,
			description:
				"Harvest's line-item CSV (the classic API's csv-line-items; on Harvest API v2 each row becomes a line item): the header line, then one line per item. Quote fields holding commas, quotes or line breaks; write numbers with a decimal point.",
		},
	];
}
