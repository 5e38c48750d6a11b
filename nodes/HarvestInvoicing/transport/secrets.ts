import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const REDACTED = '[redacted]';

// Any Authorization-style value, whoever's it is: `Basic <base64>`, `Bearer <token>`.
const AUTHORIZATION_VALUE = /\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;

/**
 * The secret strings of a credential, in every spelling an echoing server may use: the password
 * and token as typed, URL-encoded and JSON-escaped, and the Basic header's base64.
 */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const password = String(credentials.password ?? '');
	const token = String(credentials.accessToken ?? '').trim();
	const personalToken = String(credentials.personalAccessToken ?? '').trim();
	const oauth = (credentials.oauthTokenData ?? {}) as Record<string, unknown>;
	const oauthSecrets = [oauth.access_token, oauth.refresh_token, credentials.clientSecret].map((value) => String(value ?? '').trim());
	const email = String(credentials.email ?? '').trim();
	const values = [password, token, personalToken, ...oauthSecrets].filter((value) => value !== '');
	const spellings = values.flatMap((value) => [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
	if (email !== '' || password !== '') spellings.push(Buffer.from(`${email}:${password}`).toString('base64'));
	// Longest first, so a secret that contains another is removed whole.
	return [...new Set(spellings)].sort((a, b) => b.length - a.length);
}

/** Text from a server (an error body, a header) with every secret and Authorization value taken out. */
export function redactSecrets(text: string, secrets?: readonly string[]): string;
export function redactSecrets(text: string | undefined, secrets?: readonly string[]): string | undefined;
export function redactSecrets(text: string | undefined, secrets: readonly string[] = []): string | undefined {
	if (text === undefined) return undefined;
	let redacted = text.replace(AUTHORIZATION_VALUE, `$1 ${REDACTED}`);
	for (const secret of secrets) redacted = redacted.split(secret).join(REDACTED);
	return redacted.replace(CUT_EXCERPT, (excerpt: string, quoted: string) => {
		const start = secretStartEnding(quoted, secrets);
		return start === '' ? excerpt : `"${quoted.slice(0, -start.length)}${REDACTED}"...`;
	});
}

// A parser quoting a long text cuts it short (JSON.parse: `"harvest-de"...`): a secret cut there
// is not found whole, so the start of one at the end of such an excerpt is taken out too.
const CUT_EXCERPT = /"([^"]*)"\.\.\./g;
const MIN_CUT_SECRET = 4;

/** The longest start of a secret (at least MIN_CUT_SECRET characters) that `text` ends with, or ''. */
function secretStartEnding(text: string, secrets: readonly string[]): string {
	let longest = '';
	for (const secret of secrets) {
		for (let length = Math.min(text.length, secret.length - 1); length >= MIN_CUT_SECRET && length > longest.length; length--) {
			if (text.endsWith(secret.slice(0, length))) longest = secret.slice(0, length);
		}
	}
	return longest;
}
