/**
 * Harvest API v2: everything v2-specific on the wire, behind the same seam as the classic API
 * (see ../dialect.ts): endpoints, bodies, list queries and pagination, record shapes.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { v2ListQuery, type V2InvoiceKeep } from './listQuery';
import { v2Route, type V2Route } from './paths';

export { V2_HOST, V2_PREFIX, V2_USER_AGENT, v2AccountId, v2BaseUrl, v2Headers, v2OAuth2Options } from './connection';
export { V2_PAGE_SIZE, keepInvoice, type V2InvoiceKeep } from './listQuery';
export { decodeV2Body } from './records';
export { companyBaseUri, withV2InvoiceExtras } from './extras';
export type { V2BodyContext } from './requestBody';

/** A programmatic read: method, path with validated ids, query. */
export interface NodeRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
}

export interface V2Request {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	/** Get of one message or payment, emulated: the list is read and this record picked. */
	pick?: { kind: 'message' | 'payment'; id: number };
	/** Invoices the list must keep beyond what v2's `state` filter says (nothing paid yet, partly paid, late). */
	keep?: V2InvoiceKeep;
}

/**
 * A programmatic read (dropdowns, read-backs, the trigger) in v2's words: endpoint and query.
 * The action node's operations go through the dialect (dialect.ts) instead.
 */
export function v2Request(request: NodeRequest): V2Request {
	return v2Wire(v2Route(request.method, request.path), request.qs);
}

/** A route (see paths.ts, reads.ts) with the caller's query, both in v2's words. */
export function v2Wire(route: V2Route, callerQs?: IDataObject): V2Request {
	const { qs, keep } = v2ListQuery(route.path, { ...(route.qs ?? {}), ...(callerQs ?? {}) }, route.method);
	return {
		method: route.method,
		path: route.path,
		qs: Object.keys(qs).length > 0 ? qs : undefined,
		pick: route.pick,
		keep,
	};
}
