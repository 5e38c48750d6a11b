import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Harvest API v2 through OAuth 2 (Harvest ID), for n8n instances registered as an OAuth app in
 * Harvest ID > Developers. n8n signs every request with the access token and refreshes it; the
 * nodes add the account and the User-Agent Harvest wants.
 */
export class HarvestInvoicingOAuth2Api implements ICredentialType {
	name = 'harvestInvoicingOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Harvest Invoicing OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/HarvestInvoicing/harvest.svg',
		dark: 'file:../nodes/HarvestInvoicing/harvest.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-harvest-invoicing/n8n-nodes-harvest-invoicing#oauth2-harvest-api-v2';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://id.getharvest.com/oauth2/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://id.getharvest.com/api/v2/oauth2/token',
		},
		// Harvest's scope for every Harvest account the user can reach; the Account ID picks one.
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'harvest:all' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 123456',
			description: 'The Harvest account to use (digits): Harvest ID lists the accounts you can reach with their IDs',
		},
		{
			displayName: 'Custom Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:3210',
			description: 'Leave empty to use https://api.harvestapp.com. Set it only for a proxy or the local Harvest sandbox.',
		},
	];
}
