import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import type { OperationHooks } from '../../transport';
import { clientField, invoiceEditableFields, periodField } from '../../shared/invoiceFields';
import { lineItemFields } from '../../shared/lineItemFields';
import { prepareInvoiceCreate } from './hooks/createBody';
import { readBackSavedInvoice } from './hooks/readBack';

const FROM_TRACKED_TIME = ['project', 'task', 'people', 'detailed'];

const IMPORT_OPTIONS = (what: 'hours' | 'expenses') => [
	{ name: `All Uninvoiced ${what === 'hours' ? 'Hours' : 'Expenses'}`, value: 'all' },
	{ name: 'Within a Period', value: 'period', description: 'Only those in the period set below' },
	{ name: 'None', value: 'none' },
];

const properties: INodeProperties[] = [
	clientField({ required: true }),
	{
		displayName: 'Invoice Type',
		name: 'kind',
		type: 'options',
		options: [
			{ name: 'Free-Form', value: 'free_form', description: 'Line items entered here' },
			{ name: 'Tracked Time by Person', value: 'people', description: 'Uninvoiced hours and expenses, one line per person' },
			{ name: 'Tracked Time by Project', value: 'project', description: 'Uninvoiced hours and expenses, one line per project' },
			{ name: 'Tracked Time by Task', value: 'task', description: 'Uninvoiced hours and expenses, one line per task' },
			{ name: 'Tracked Time, Detailed', value: 'detailed', description: 'One line per time or expense entry, with its notes' },
		],
		default: 'free_form',
		routing: { send: { type: 'body', property: 'invoice.type' } },
	},
	...lineItemFields({ kind: ['free_form'] }),
	{
		displayName: 'Projects to Invoice Names or IDs',
		name: 'projectIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProjects', loadOptionsDependsOn: ['clientId'] },
		displayOptions: { show: { kind: FROM_TRACKED_TIME } },
		default: [],
		required: true,
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Projects of the client whose uninvoiced hours and expenses to gather',
		routing: { send: { type: 'body', property: 'invoice.fromTrackedTime.projectIds' } },
	},
	{
		displayName: 'Import Hours',
		name: 'importHours',
		type: 'options',
		options: IMPORT_OPTIONS('hours'),
		displayOptions: { show: { kind: FROM_TRACKED_TIME } },
		default: 'all',
		routing: { send: { type: 'body', property: 'invoice.fromTrackedTime.hours' } },
	},
	periodField('periodStart', {
		required: true,
		description: 'First day of the hours to import',
		displayOptions: { show: { kind: FROM_TRACKED_TIME, importHours: ['period'] } },
	}),
	periodField('periodEnd', {
		required: true,
		description: 'Last day of the hours to import',
		displayOptions: { show: { kind: FROM_TRACKED_TIME, importHours: ['period'] } },
	}),
	{
		displayName: 'Import Expenses',
		name: 'importExpenses',
		type: 'options',
		options: IMPORT_OPTIONS('expenses'),
		displayOptions: { show: { kind: FROM_TRACKED_TIME } },
		default: 'all',
		routing: { send: { type: 'body', property: 'invoice.fromTrackedTime.expenses' } },
	},
	{
		displayName: 'Expense Period Start',
		name: 'expensePeriodStart',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First day of the expenses to import',
		displayOptions: { show: { kind: FROM_TRACKED_TIME, importExpenses: ['period'] } },
		routing: { send: { type: 'body', property: 'invoice.fromTrackedTime.expensePeriod.from' } },
	},
	{
		displayName: 'Expense Period End',
		name: 'expensePeriodEnd',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the expenses to import',
		displayOptions: { show: { kind: FROM_TRACKED_TIME, importExpenses: ['period'] } },
		routing: { send: { type: 'body', property: 'invoice.fromTrackedTime.expensePeriod.to' } },
	},
	{
		displayName: 'Expense Summary',
		name: 'expenseSummaryType',
		type: 'options',
		options: [
			{ name: 'By Category', value: 'category' },
			{ name: 'By Person', value: 'people' },
			{ name: 'By Project', value: 'project' },
			{ name: 'Detailed', value: 'detailed', description: 'One line per expense' },
		],
		displayOptions: { show: { kind: FROM_TRACKED_TIME, importExpenses: ['all', 'period'] } },
		default: 'project',
		description: 'How imported expenses are grouped into lines',
		routing: { send: { type: 'body', property: 'invoice.fromTrackedTime.expenseSummary' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: invoiceEditableFields,
	},
];

export const invoiceCreateDescription = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['create'] } },
	properties,
);

export const invoiceCreateHooks: OperationHooks = {
	preSend: [prepareInvoiceCreate],
	postReceive: [readBackSavedInvoice],
};
