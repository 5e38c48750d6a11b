import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { API_CREDENTIAL_TYPE, HARVEST_ID_SIGN_IN_TYPE } from '../transport/credentialType';

/**
 * How the node signs in: the Harvest Invoicing API credential (a personal access token for v2, or
 * a classic login) or OAuth 2 through Harvest ID. Workflows saved before OAuth 2 existed have no
 * value here and keep the API credential.
 */
export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Access Token or Classic Login', value: 'apiCredential' },
		{ name: 'OAuth2 (Harvest API V2)', value: 'oAuth2' },
	],
	default: 'apiCredential',
};

export const harvestCredentials: INodeCredentialDescription[] = [
	{ name: API_CREDENTIAL_TYPE, required: true, displayOptions: { show: { authentication: ['apiCredential'] } } },
	{ name: HARVEST_ID_SIGN_IN_TYPE, required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
