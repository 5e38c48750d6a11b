import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { dialectOf } from './dialect';

/**
 * Where the credential sends its requests, fit to show in an error: a Custom Base URL may carry
 * a login (`https://user:pass@proxy`), so only its origin and path are kept. Undefined when the
 * credential names no usable address (that mistake is reported by the request itself).
 */
export function harvestApiAddress(credentials: ICredentialDataDecryptedObject): string | undefined {
	try {
		const url = new URL(dialectOf(credentials).baseUrl(credentials));
		return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
	} catch {
		return undefined;
	}
}
