import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { V2_PREFIX } from './connection';

export interface V2Route {
	method: IHttpRequestMethods;
	/** Path on the v2 API, `/v2/...`. */
	path: string;
	/** Query parameters the path itself implies (e.g. `client_id` of a client's contacts). */
	qs?: IDataObject;
	/** v2 has no GET of one message or payment: the list is read and this record picked from it. */
	pick?: { kind: 'message' | 'payment'; id: number };
}

/**
 * Where a programmatic read goes on v2 (the operations have their own table, operationPaths.ts).
 * The reads name what they want (`/invoices/{id}`, `/clients/{id}/contacts`); ids are validated.
 */
export function v2Route(method: IHttpRequestMethods, path: string): V2Route {
	const clean = path.replace(/\/+$/, '');
	const one = /^(\/invoices\/\d+\/(messages|payments))\/(\d+)$/.exec(clean);
	if (one && method === 'GET') {
		return { method, path: `${V2_PREFIX}${one[1]}`, pick: { kind: one[2] === 'messages' ? 'message' : 'payment', id: Number(one[3]) } };
	}
	const contacts = /^\/clients\/(\d+)\/contacts$/.exec(clean);
	if (contacts) return { method, path: `${V2_PREFIX}/contacts`, qs: { client_id: contacts[1] } };
	if (clean === '/account/who_am_i') return { method, path: `${V2_PREFIX}/company` };
	// Updates are PATCH on v2, PUT on v1.
	return { method: method === 'PUT' ? 'PATCH' : method, path: `${V2_PREFIX}${clean}` };
}
