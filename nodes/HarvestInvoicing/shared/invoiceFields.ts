import type { INodeProperties } from 'n8n-workflow';

import { DUE_TERMS_OPTIONS, MAX_DUE_DAYS } from './dueTerms';

/**
 * Client dropdown, loaded from the account. Routes into the body; the operation's preSend checks
 * the ID (an expression can produce anything). An optional one starts with None.
 */
export function clientField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Client Name or ID',
		name: 'clientId',
		type: 'options',
		typeOptions: { loadOptionsMethod: overrides.required === true ? 'getClients' : 'getClientsOrNone' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The client the invoice is for',
		routing: { send: { type: 'body', property: 'invoice.clientId' } },
		...overrides,
	};
}

/**
 * The user-editable invoice fields Create (Additional Fields) and Update (Update Fields) share.
 * Fields that go on the wire as entered carry their routing; dates, numbers and due terms are
 * checked and converted by the operation's preSend (resources/invoice/hooks/invoiceBody.ts).
 */
export const invoiceEditableFields: INodeProperties[] = [
	{
		displayName: 'Currency Name or ID',
		name: 'currency',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCurrencies' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: "Defaults to the client's currency",
		routing: { send: { type: 'body', property: 'invoice.currency' } },
	},
	{
		displayName: 'Discount (%)',
		name: 'discount',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
		default: 0,
		description: 'Percentage taken off the invoice total',
		routing: { send: { type: 'body', property: 'invoice.discount' } },
	},
	{
		displayName: 'Due In (Days)',
		name: 'dueInDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_DUE_DAYS },
		displayOptions: { show: { dueTerms: ['custom'] } },
		default: 30,
		description: 'Days after the issue date the invoice is due (NET N)',
	},
	{
		displayName: 'Due Terms',
		name: 'dueTerms',
		type: 'options',
		options: DUE_TERMS_OPTIONS,
		default: 'uponReceipt',
		description: 'When payment is due; Harvest computes the due date from the issue date',
	},
	{
		displayName: 'Issue Date',
		name: 'issuedAt',
		type: 'dateTime',
		default: '',
		description: 'Date the invoice is issued (only the date is used); defaults to today',
		routing: { send: { type: 'body', property: 'invoice.issueDate' } },
	},
	{
		displayName: 'Notes',
		name: 'notes',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Notes printed on the invoice',
		routing: { send: { type: 'body', property: 'invoice.notes' } },
	},
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		default: '',
		description: 'Invoice number, unique in the account; Harvest picks the next one when empty',
		routing: { send: { type: 'body', property: 'invoice.number' } },
	},
	{
		displayName: 'Purchase Order',
		name: 'purchaseOrder',
		type: 'string',
		default: '',
		description: "The client's purchase order number",
		routing: { send: { type: 'body', property: 'invoice.purchaseOrder' } },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'invoice.subject' } },
	},
	{
		displayName: 'Tax (%)',
		name: 'tax',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 3 },
		default: 0,
		description: "First tax rate; the account's default when not set",
		routing: { send: { type: 'body', property: 'invoice.tax' } },
	},
	{
		displayName: 'Tax 2 (%)',
		name: 'tax2',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 3 },
		default: 0,
		description: "Second tax rate; the account's default when not set",
		routing: { send: { type: 'body', property: 'invoice.tax2' } },
	},
];

/** Date pickers for the period an invoice covers; Harvest lists them among the editable fields. */
export function periodField(name: 'periodStart' | 'periodEnd', overrides: Partial<INodeProperties> = {}): INodeProperties {
	const start = name === 'periodStart';
	return {
		displayName: start ? 'Period Start' : 'Period End',
		name,
		type: 'dateTime',
		default: '',
		description: start ? 'First day of the period the invoice covers' : 'Last day of the period the invoice covers',
		routing: { send: { type: 'body', property: start ? 'invoice.periodStart' : 'invoice.periodEnd' } },
		...overrides,
	};
}
