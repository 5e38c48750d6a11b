import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { isOAuth2Credential } from '../credentialType';
import { v2BaseUrl, v2Headers, v2OAuth2Options } from './connection';

/** v2 counts requests per token and account, on one host; rateBudget.ts hashes this into the key. */
export function v2AccountIdentity(credentials: ICredentialDataDecryptedObject): string {
	let host: string;
	try {
		host = v2BaseUrl(credentials);
	} catch {
		host = String(credentials.baseUrl ?? '');
	}
	return `${host}\nv2:${String(credentials.accountId ?? '').trim()}:${String(credentials.personalAccessToken ?? '').trim()}`;
}

/** Throws what the credential's `authenticate` would trip on (OAuth 2 sign-ins are v2 only). */
export function v2CheckCredential(credentials: ICredentialDataDecryptedObject): void {
	if (isOAuth2Credential(credentials)) {
		v2OAuth2Options(credentials);
		return;
	}
	v2BaseUrl(credentials);
	v2Headers(credentials);
}
