import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions, INode, JsonObject } from 'n8n-workflow';

import { headerValue } from './headers';
import { redactSecrets } from './secrets';

/**
 * Request options that keep the login on the host it was meant for. n8n follows redirects and,
 * unless told otherwise, puts the Authorization header back on the redirected request even when
 * it goes to another host; Harvest's API never redirects, so the node follows none at all.
 */
export function withoutRedirects(options: IHttpRequestOptions): IHttpRequestOptions {
	return { ...options, disableFollowRedirect: true, sendCredentialsOnCrossOriginRedirect: false };
}

/**
 * A 3xx answer is an error naming where it pointed (secrets taken out, should the address carry
 * one): the request was not sent there.
 */
export function refuseRedirect(
	node: INode,
	response: { statusCode: number; headers: IDataObject },
	secrets: readonly string[] = [],
): void {
	const status = response.statusCode;
	if (status < 300 || status > 399) return;
	const target = redactSecrets(headerValue(response.headers, 'location'), secrets) ?? 'another address';
	throw new NodeApiError(node, { message: `Redirected to ${target}` } as JsonObject, {
		httpCode: String(status),
		message: `Harvest redirected the request to ${target} (HTTP ${status}); redirects are not followed`,
		description:
			'Harvest does not redirect its API, so this usually means the Account Subdomain or the Custom Base URL in the credential points at the wrong place (or a proxy in between). The request was not sent on, so your login did not go to that address; if it was a change, Harvest did not make it.',
	});
}
