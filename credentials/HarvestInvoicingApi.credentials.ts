import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { apiVersionOf } from '../nodes/HarvestInvoicing/transport/apiVersion';
import { harvestAuthorization, harvestBaseUrl } from '../nodes/HarvestInvoicing/transport/v1/connection';
import { withoutRedirects } from '../nodes/HarvestInvoicing/transport/redirects';
import { v2BaseUrl, v2Headers } from '../nodes/HarvestInvoicing/transport/v2';

const showForClassic = { show: { apiVersion: ['v1'] } };
const showForV2 = { show: { apiVersion: ['v2'] } };

/** The one path the credential test asks; on v2 the same question is `/v2/company` (see `authenticate`). */
const ACCOUNT_TEST_PATH = '/account/who_am_i';

/**
 * What a refused credential test means, in words that name the field to fix. One test serves both
 * APIs: a 401 is a wrong secret on either, a 403 is v2's answer for an account the token cannot
 * reach (v1 answers a missing permission with 404, which n8n then reports as it is).
 */
const signInRefusals: IAuthenticateRuleResponseCode[] = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message:
				'Harvest refused the sign-in. On Harvest API v2, check the Personal Access Token (mistyped, expired or revoked); on the Classic API (v1), check the email and password, or the access token.',
		},
	},
	{
		type: 'responseCode',
		properties: {
			value: 403,
			message:
				'The Personal Access Token is valid but cannot reach the account with this Account ID. Copy the Account ID shown beside the token in Harvest ID > Developers.',
		},
	},
];

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
			displayName: 'API',
			name: 'apiVersion',
			type: 'options',
			options: [
				{
					name: 'Harvest API V2',
					value: 'v2',
					description: 'The API every Harvest account has today; sign in with a personal access token',
				},
				{
					name: 'Classic API (V1)',
					value: 'v1',
					description: "Harvest's original API, unsupported by Harvest since 2019; only for accounts that still accept it",
				},
			],
			default: 'v2',
			description: 'Which of Harvest\'s APIs to use. Choose Harvest API V2 unless you know your account still answers the classic API.',
		},
		{
			displayName: 'Personal Access Token',
			name: 'personalAccessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Create one at id.getharvest.com > Developers > Create New Personal Access Token',
			displayOptions: showForV2,
		},
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 123456',
			description: 'Shown next to the token on the same Developers page (digits only); it picks which Harvest account to use',
			displayOptions: showForV2,
		},
		{
			displayName: 'Account Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme',
			description:
				'The part before .harvestapp.com in your Harvest address: letters, digits and hyphens only',
			displayOptions: showForClassic,
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
			displayOptions: showForClassic,
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			displayOptions: { show: { apiVersion: ['v1'], authentication: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { apiVersion: ['v1'], authentication: ['basic'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An OAuth 2 access token for the account; sent as a Bearer token',
			displayOptions: { show: { apiVersion: ['v1'], authentication: ['accessToken'] } },
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
			displayOptions: showForClassic,
		},
		{
			displayName: 'Custom Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:3210',
			description:
				'Leave empty to use Harvest itself (https://api.harvestapp.com, or https://{subdomain}.harvestapp.com on the classic API). Set it only for a proxy or the local Harvest sandbox.',
		},
	];

	// A function rather than a generic block: it refuses a malformed subdomain or account ID with a
	// clear message before anything is sent, it picks the API and its sign-in, and every request
	// carrying the login (the credential test too) follows no redirect.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (apiVersionOf(credentials) === 'v2') {
			// The test request below is fixed when the credential class loads, before the API is
			// chosen: on v2 its question (which account, are invoices on) is asked of /v2/company.
			const url = requestOptions.url === ACCOUNT_TEST_PATH ? '/v2/company' : requestOptions.url;
			return {
				...withoutRedirects(requestOptions),
				url,
				baseURL: v2BaseUrl(credentials),
				headers: { ...requestOptions.headers, ...v2Headers(credentials) },
			};
		}
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
			url: ACCOUNT_TEST_PATH,
			// The test always asks for JSON: the rule below reads a JSON path, whatever format the nodes use.
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		// n8n applies the `responseCode` rules to a refused answer and the `responseSuccessBody` ones
		// to a 200. Its type wants one kind per list; its credential tester reads each rule by kind.
		rules: [
			...signInRefusals,
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'company.modules.invoices',
					value: false,
					message:
						'This Harvest account does not have the Invoices module turned on. Enable it in Harvest under Settings > Modules, then test again.',
				},
			},
			{
				// v2's /company names the same switch `invoice_feature`.
				type: 'responseSuccessBody',
				properties: {
					key: 'invoice_feature',
					value: false,
					message:
						'This Harvest account does not have the Invoices feature turned on. Enable it in Harvest under Settings > Modules, then test again.',
				},
			},
		] as unknown as IAuthenticateRuleResponseCode[],
	};
}
