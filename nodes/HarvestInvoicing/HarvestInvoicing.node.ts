import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { categoryDescription } from './resources/category';
import { invoiceDescription } from './resources/invoice';
import { executeInvoiceGetMany } from './resources/invoice/getAllOperation';
import { messageDescription } from './resources/message';
import { paymentDescription } from './resources/payment';
import {
	getCategories,
	getClients,
	getClientsOrNone,
	getCurrencies,
	getProjects,
	getProjectsOrNone,
} from './shared/loadOptions';
import { searchInvoices } from './shared/searchInvoices';
import { displayNameSubtitle } from './shared/subtitle';
import { sendHarvestRequest } from './transport';
import { authenticationField, harvestCredentials } from './shared/authenticationField';

const properties: INodeProperties[] = [
	authenticationField,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Category', value: 'category' },
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Message', value: 'message' },
			{ name: 'Payment', value: 'payment' },
		],
		default: 'invoice',
	},
	...invoiceDescription,
	...messageDescription,
	...paymentDescription,
	...categoryDescription,
];

export class HarvestInvoicing implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harvest Invoicing',
		name: 'harvestInvoicing',
		icon: { light: 'file:harvest.svg', dark: 'file:harvest.dark.svg' },
		group: ['transform'],
		// Version 2 adds Simplify (on by default) to Invoice > Get and Get Many; nothing else differs,
		// and saved version 1 nodes keep their full output (see shared/simplifyField.ts).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: displayNameSubtitle(properties),
		description: 'Create, send and track Harvest invoices, payments and item categories',
		defaults: { name: 'Harvest Invoicing' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: harvestCredentials,
		// Every operation's routing sets `paginate`, so each request passes through this hook,
		// where throttling and retries are handled (see transport/declarativeHooks.ts).
		requestOperations: { pagination: sendHarvestRequest },
		properties,
	};

	/**
	 * Get Many of invoices runs as the node's own code (n8n 1.8x and later; see
	 * resources/invoice/getAllOperation.ts): n8n's routing cannot return a list of over ~125,000
	 * items. Its routing stays in the description, for an n8n that does not know customOperations.
	 */
	customOperations = { invoice: { getAll: executeInvoiceGetMany } };

	methods = {
		listSearch: { searchInvoices },
		loadOptions: { getCategories, getClients, getClientsOrNone, getCurrencies, getProjects, getProjectsOrNone },
	};
}
