import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { harvestAuthorization, harvestBaseUrl } from '../nodes/HarvestInvoicing/transport/connection';
import { withoutRedirects } from '../nodes/HarvestInvoicing/transport/redirects';

export class HarvestInvoicingApi implements ICredentialType {
	name = 'harvestInvoicingApi';

	displayName = 'Harvest Invoicing API';

	icon: Icon = {
		light: 'file:../nodes/HarvestInvoicing/harvest.svg',
		dark: 'file:../nodes/HarvestInvoicing/harvest.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-harvest-invoicing/n8n-nodes-harvest-invoicing#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Account Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme',
			description:
				'The part before .harvestapp.com in your Harvest address: letters, digits and hyphens only',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Email and Password', value: 'basic' },
				{ name: 'Access Token', value: 'accessToken' },
			],
			default: 'basic',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['basic'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An OAuth 2 access token for the account; sent as a Bearer token',
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'Data Format',
			name: 'dataFormat',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json' },
				{ name: 'XML', value: 'xml' },
			],
			default: 'json',
			description:
				'The format spoken with Harvest. Output items are identical either way; use XML only if a proxy or account requires it.',
		},
		{
			displayName: 'Custom Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:3210',
			description:
				'Leave empty to use https://{subdomain}.harvestapp.com. Set it only for a proxy or the local Harvest sandbox.',
		},
	];

	// A function rather than a generic block: it refuses a malformed subdomain with a clear message
	// before anything is sent, it picks Basic or Bearer from the chosen authentication, and every
	// request carrying the login (the credential test too) follows no redirect.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...withoutRedirects(requestOptions),
			baseURL: harvestBaseUrl(credentials),
			headers: {
				...requestOptions.headers,
				Authorization: harvestAuthorization(credentials),
				'User-Agent': 'n8n-nodes-harvest-invoicing',
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/account/who_am_i',
			// The test always asks for JSON: the rule below reads a JSON path, whatever format the nodes use.
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'company.modules.invoices',
					value: false,
					message:
						'This Harvest account does not have the Invoices module turned on. Enable it in Harvest under Settings > Modules, then test again.',
				},
			},
		],
	};
}
