/**
 * Harvest API v2: everything v2-specific on the wire, behind the same seam as the classic API
 * (see ../dialect.ts): endpoints, bodies, list queries and pagination, record shapes.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { v2ListQuery, type V2InvoiceKeep } from './listQuery';

export { V2_HOST, V2_PREFIX, V2_USER_AGENT, v2AccountId, v2BaseUrl, v2Headers, v2OAuth2Options } from './connection';
export { V2_PAGE_SIZE, keepInvoice, type V2InvoiceKeep } from './listQuery';
export { decodeV2Body } from './records';
export { companyBaseUri, withV2InvoiceExtras } from './extras';
export type { V2BodyContext } from './requestBody';

/** Where a neutral read goes on v2 (reads.ts). */
export interface V2Route {
	method: IHttpRequestMethods;
	/** Path on the v2 API, `/v2/...`. */
	path: string;
	/** The query of the read (e.g. `client_id` of a client's contacts). */
	qs?: IDataObject;
	/** v2 has no GET of one message or payment: the list is read and this record picked from it. */
	pick?: { kind: 'message' | 'payment'; id: number };
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

/** A read's route (reads.ts) with the caller's query, both in v2's words. */
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
