import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { customBaseUrl } from '../v1/connection';

/** Harvest v2's one host; accounts are told apart by the `Harvest-Account-Id` header. */
export const V2_HOST = 'https://api.harvestapp.com';

/** Every v2 path starts here. */
export const V2_PREFIX = '/v2';

/**
 * Harvest refuses v2 requests without a User-Agent and asks for "App name (email or URL)"; n8n may
 * rewrite its default agent, so the package always names itself.
 */
export const V2_USER_AGENT = 'n8n-nodes-harvest-invoicing (https://github.com/n8n-nodes-harvest-invoicing/n8n-nodes-harvest-invoicing)';

/** Harvest account IDs are digits (Harvest ID > Developers shows them next to the token). */
const ACCOUNT_ID = /^\d{1,18}$/;

/** Where v2 requests go: the custom base URL when one is set (local sandbox, proxy), else Harvest's API host. */
export function v2BaseUrl(credentials: ICredentialDataDecryptedObject): string {
	// A base URL pasted with Harvest's `/v2` is taken as the host: every path already starts with it.
	return customBaseUrl(credentials)?.replace(/\/v2$/, '') ?? V2_HOST;
}

export function v2AccountId(credentials: ICredentialDataDecryptedObject): string {
	const accountId = String(credentials.accountId ?? '').trim();
	if (!ACCOUNT_ID.test(accountId)) {
		throw new Error(
			accountId === ''
				? 'Account ID is empty: copy it from Harvest ID > Developers, next to your personal access token'
				: `Account ID must contain only digits, as Harvest ID > Developers shows it (got "${accountId}")`,
		);
	}
	return accountId;
}

/** Authorization, account and agent headers of every v2 request; the token stays in the header only. */
export function v2Headers(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	const token = String(credentials.personalAccessToken ?? '').trim();
	if (!token) throw new Error('Personal Access Token is empty: create one in Harvest ID > Developers and paste it in the credential');
	return {
		Authorization: `Bearer ${token}`,
		'Harvest-Account-Id': v2AccountId(credentials),
		'User-Agent': V2_USER_AGENT,
	};
}

/**
 * What an OAuth 2 request needs beyond the token n8n signs it with: the host, the account and
 * the agent (an OAuth 2 credential has no `authenticate` of its own to add them), and no redirects.
 */
export function v2OAuth2Options(credentials: ICredentialDataDecryptedObject): {
	baseURL: string;
	headers: Record<string, string>;
	disableFollowRedirect: true;
	sendCredentialsOnCrossOriginRedirect: false;
} {
	return {
		baseURL: v2BaseUrl(credentials),
		headers: { 'Harvest-Account-Id': v2AccountId(credentials), 'User-Agent': V2_USER_AGENT },
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
}
