import type { IncomingHttpHeaders } from 'node:http';
import type { DemoLogin } from '../demoAccount';

export type V2AuthResult = { ok: true } | { ok: false; status: 400 | 401 | 403; body: Record<string, string> };

/** Harvest's own 401 text for a token it does not accept. */
export const INVALID_TOKEN = Object.freeze({
	error: 'invalid_token',
	error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
});

/**
 * Harvest v2: a `User-Agent` is required (400 without one, as Harvest documents), then a token as
 * `Authorization: Bearer` or `?access_token=` (the personal access token, or the OAuth token v1
 * also takes: Harvest's OAuth tokens work on v2), then the account as `Harvest-Account-Id` or
 * `?account_id=`. Basic auth does not exist on v2 (401). A right token with a missing or other
 * account id is a 403: the token cannot reach that account.
 */
export function authenticateV2(headers: IncomingHttpHeaders, query: URLSearchParams, login: DemoLogin): V2AuthResult {
	if ((headers['user-agent'] ?? '').trim() === '') {
		return {
			ok: false, status: 400,
			body: { message: 'The User-Agent header is required: send your application name and a link or email, e.g. "MyApp (me@example.com)".' },
		};
	}
	const token = query.get('access_token') ?? bearerToken(headers.authorization);
	if (token === undefined || (token !== login.personalAccessToken && token !== login.accessToken)) {
		return { ok: false, status: 401, body: { ...INVALID_TOKEN } };
	}
	const header = headers['harvest-account-id'];
	const accountId = (Array.isArray(header) ? header[0] : header) ?? query.get('account_id') ?? '';
	if (accountId.trim() === '') {
		return {
			ok: false, status: 403,
			body: { error: 'forbidden', error_description: 'No account was named: send the Harvest-Account-Id header (or account_id) of an account this token can reach.' },
		};
	}
	if (accountId.trim() !== login.accountId) {
		return {
			ok: false, status: 403,
			body: { error: 'forbidden', error_description: `The account ${accountId.trim()} is not reachable with this access token.` },
		};
	}
	return { ok: true };
}

function bearerToken(header: string | undefined): string | undefined {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
	return match ? match[1] : undefined;
}
