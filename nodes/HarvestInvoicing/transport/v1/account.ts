import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { harvestAuthorization, harvestBaseUrl, harvestSubdomain } from './connection';

/**
 * Who Harvest counts a classic login's requests against: the address and subdomain, and the
 * login (token or email). rateBudget.ts hashes it into the account's budget key.
 */
export function v1AccountIdentity(credentials: ICredentialDataDecryptedObject): string {
	const identity =
		credentials.authentication === 'accessToken'
			? `token:${String(credentials.accessToken ?? '').trim()}`
			: `basic:${String(credentials.email ?? '').trim().toLowerCase()}`;
	let where: string;
	try {
		where = `${harvestBaseUrl(credentials)}\n${harvestSubdomain(credentials)}`;
	} catch {
		// A bad subdomain or base URL is reported by the request itself; it still gets a budget.
		where = `${String(credentials.baseUrl ?? '')}\n${String(credentials.subdomain ?? '')}`;
	}
	return `${where}\n${identity}`;
}

/** Throws what the credential's `authenticate` would trip on: the address, then the login. */
export function v1CheckCredential(credentials: ICredentialDataDecryptedObject): void {
	harvestBaseUrl(credentials);
	harvestAuthorization(credentials);
}

/** The account's web address follows from its subdomain: no request needed. */
export function v1WebAddress(credentials: ICredentialDataDecryptedObject): string {
	return `https://${harvestSubdomain(credentials)}.harvestapp.com`;
}
