import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** The two dialects of Harvest's API the package speaks; the credential chooses one. */
export type ApiVersion = 'v1' | 'v2';

/**
 * The API a credential speaks. Credentials saved before the choice existed have no `apiVersion`;
 * n8n fills in the default (v2) when it reads them, so one that still holds only a classic login
 * (a subdomain, email or classic token, and no personal access token) is read as the classic API it was made for.
 */
export function apiVersionOf(credentials: ICredentialDataDecryptedObject): ApiVersion {
	if (credentials.apiVersion === 'v1') return 'v1';
	const hasV2Token = String(credentials.personalAccessToken ?? '').trim() !== '';
	const hasClassicLogin = ['subdomain', 'email', 'accessToken'].some((field) => String(credentials[field] ?? '').trim() !== '');
	return !hasV2Token && hasClassicLogin ? 'v1' : 'v2';
}
