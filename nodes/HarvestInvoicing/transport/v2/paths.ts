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
 * Where a request by path goes on v2: only the trigger's lists (`/invoices`, an invoice's
 * `/payments`) still come by path, and v2 spells them with its prefix. Everything else names what it
 * reads (reads.ts) or is an operation (operationPaths.ts).
 */
export function v2Route(method: IHttpRequestMethods, path: string): V2Route {
	return { method, path: `${V2_PREFIX}${path.replace(/\/+$/, '')}` };
}
