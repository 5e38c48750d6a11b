import { NodeApiError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, INode, JsonObject } from 'n8n-workflow';

import { v2BaseUrl } from './connection';

/**
 * `links.next` of a v2 list as a path and query on the credential's own host. Harvest writes the
 * full address; a link to any other origin is refused, so the token is never sent elsewhere.
 */
export function nextPagePath(node: INode, credentials: ICredentialDataDecryptedObject, link: string): { path: string; qs: IDataObject } {
	const base = new URL(v2BaseUrl(credentials));
	let next: URL;
	try {
		next = new URL(link, base);
	} catch {
		throw refused(node, 'an address that cannot be read');
	}
	if (next.origin !== base.origin) throw refused(node, `another host (${next.origin})`);
	const qs: IDataObject = {};
	for (const [key, value] of next.searchParams) qs[key] = value;
	return { path: next.pathname, qs };
}

function refused(node: INode, what: string): NodeApiError {
	return new NodeApiError(node, { message: `links.next points to ${what}` } as JsonObject, {
		message: `Harvest's next page link points to ${what}; it was not followed`,
		description: 'The records read so far were not output, as the list is incomplete. Check the Custom Base URL in the credential.',
	});
}
