import type { IncomingHttpHeaders } from 'node:http';
import type { DemoLogin } from './demoAccount';

export type AuthResult = { ok: true } | { ok: false; reason: string };

/**
 * Harvest v1 accepts HTTP Basic (email:password) or an OAuth access token, sent as
 * `?access_token=` or `Authorization: Bearer`. Anything else is a 401.
 */
export function authenticate(headers: IncomingHttpHeaders, query: URLSearchParams, login: DemoLogin): AuthResult {
	const header = headers.authorization ?? '';
	const queryToken = query.get('access_token');
	if (queryToken !== null) return queryToken === login.accessToken ? { ok: true } : { ok: false, reason: 'Invalid access token' };
	const [scheme, credentials = ''] = header.trim().split(/\s+/, 2);
	switch (scheme.toLowerCase()) {
		case 'bearer':
			return credentials === login.accessToken ? { ok: true } : { ok: false, reason: 'Invalid access token' };
		case 'basic': {
			const decoded = Buffer.from(credentials, 'base64').toString('utf8');
			const separator = decoded.indexOf(':');
			const email = decoded.slice(0, separator);
			const password = decoded.slice(separator + 1);
			const valid = separator > 0 && email.toLowerCase() === login.email && password === login.password;
			return valid ? { ok: true } : { ok: false, reason: 'Invalid email or password' };
		}
		case '':
			return { ok: false, reason: 'Authentication required: send HTTP Basic credentials or an access token' };
		default:
			return { ok: false, reason: `Unsupported authorization scheme: ${scheme}` };
	}
}
