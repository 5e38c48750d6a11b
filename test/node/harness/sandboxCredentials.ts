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
