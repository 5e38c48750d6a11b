import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Harvest account subdomains are made of letters, digits and hyphens (`acme` in acme.harvestapp.com). */
const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Where requests go: the custom base URL when one is set (local sandbox, proxy), otherwise the
 * account's own host. The subdomain is checked first so that a value like `evil.com/x` can never
 * steer requests, and the credentials, to another host.
 */
export function harvestBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const subdomain = harvestSubdomain(credentials);
	return customBaseUrl(credentials) ?? `https://${subdomain}.harvestapp.com`;
}

/** The credential's Custom Base URL without trailing slashes; undefined when empty. */
export function customBaseUrl(credentials: ICredentialDataDecryptedObject): string | undefined {
	const custom = String(credentials.baseUrl ?? '').trim();
	if (!custom) return undefined;
	if (!/^https?:\/\/[^\s/?#]+/i.test(custom)) {
		throw new Error(
			`Custom Base URL must start with http:// or https:// followed by a host, e.g. http://127.0.0.1:3210 (got "${custom}")`,
		);
	}
	return custom.replace(/\/+$/, '');
}

/** The validated, lower-cased account subdomain (also used to build client dashboard links). */
export function harvestSubdomain(credentials: ICredentialDataDecryptedObject): string {
	const subdomain = String(credentials.subdomain ?? '').trim();
	if (!SUBDOMAIN.test(subdomain)) {
		throw new Error(
			`Account Subdomain must contain only letters, digits and hyphens, e.g. "acme" for acme.harvestapp.com (got "${subdomain}")`,
		);
	}
	return subdomain.toLowerCase();
}

/** The Authorization header for the chosen authentication; secrets stay in the header only. */
export function harvestAuthorization(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.authentication === 'accessToken') {
		const token = String(credentials.accessToken ?? '').trim();
		if (!token) throw new Error('Access Token is empty: paste the token in the credential');
		return `Bearer ${token}`;
	}
	const email = String(credentials.email ?? '').trim();
	if (!email) throw new Error('Email is empty: enter the Harvest login email in the credential');
	const password = String(credentials.password ?? '');
	return `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
}
