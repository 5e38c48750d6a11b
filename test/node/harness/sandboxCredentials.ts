import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

interface SandboxLogin {
	url: string;
	login: { subdomain: string; email: string; password: string; accessToken: string; accountId: string; personalAccessToken: string };
}

/** The credential a user would fill in to reach the local sandbox. */
export function sandboxCredentials(
	sandbox: SandboxLogin,
	overrides: Partial<{ dataFormat: 'json' | 'xml'; authentication: 'basic' | 'accessToken' }> & ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		subdomain: sandbox.login.subdomain,
		authentication: 'basic',
		email: sandbox.login.email,
		password: sandbox.login.password,
		accessToken: sandbox.login.accessToken,
		dataFormat: 'json',
		baseUrl: sandbox.url,
		...overrides,
	};
}

/** The v2 credential a user would fill in to reach the local sandbox: API v2, token and account ID. */
export function sandboxV2Credentials(
	sandbox: SandboxLogin,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiVersion: 'v2',
		personalAccessToken: sandbox.login.personalAccessToken,
		accountId: sandbox.login.accountId,
		baseUrl: sandbox.url,
		...overrides,
	};
}

/**
 * An OAuth 2 credential as n8n holds it after the user connected it through Harvest ID: the
 * token (the sandbox accepts its OAuth token on v2), the Account ID and the sandbox address.
 */
export function sandboxOAuth2Credentials(
	sandbox: SandboxLogin,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		grantType: 'authorizationCode',
		authUrl: `${sandbox.url}/oauth2/authorize`,
		accessTokenUrl: `${sandbox.url}/oauth2/token`,
		clientId: 'sandbox-client',
		clientSecret: 'sandbox-client-secret',
		scope: 'harvest:all',
		authentication: 'body',
		oauthTokenData: { access_token: sandbox.login.accessToken, token_type: 'bearer' },
		accountId: sandbox.login.accountId,
		baseUrl: sandbox.url,
		...overrides,
	};
}
