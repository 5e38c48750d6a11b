/**
 * Harvest API v2: everything v2-specific on the wire, behind the same seam as the classic API
 * (see ../dialect.ts): endpoints, bodies, list queries and pagination, record shapes.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { v2ListQuery, type V2InvoiceKeep } from './listQuery';
import { v2Route } from './paths';
import { v2InvoiceBody, v2MessageBody, v2PaymentBody, type V2BodyContext } from './requestBody';

export { V2_HOST, V2_PREFIX, V2_USER_AGENT, v2AccountId, v2BaseUrl, v2Headers } from './connection';
export { V2_PAGE_SIZE, keepInvoice, type V2InvoiceKeep } from './listQuery';
export { decodeV2Body } from './records';
export { companyBaseUri, withV2InvoiceExtras } from './extras';
export type { V2BodyContext } from './requestBody';

/** A request as the node's operations route it: method, path with validated ids, query, wrapped body. */
export interface NodeRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface V2Request {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Get of one message or payment, emulated: the list is read and this record picked. */
	pick?: { kind: 'message' | 'payment'; id: number };
	/** Invoices the list must keep beyond what v2's `state` filter says (partly paid, unpaid, late). */
	keep?: V2InvoiceKeep;
}

async function v2Body(path: string, body: IDataObject | undefined, eventType: string | undefined, context: V2BodyContext) {
	const [root, record] = Object.entries(body ?? {})[0] ?? [];
	const fields = (record ?? {}) as IDataObject;
	if (eventType !== undefined) {
		const out: IDataObject = { event_type: eventType };
		if (fields.body !== undefined) out.body = fields.body;
		return out;
	}
	switch (root) {
		case undefined:
			return undefined;
		case 'invoice':
			return await v2InvoiceBody(fields, /\/invoices\/\d+$/.test(path) ? context : { today: context.today });
		case 'message':
			return v2MessageBody(fields);
		case 'payment':
			return v2PaymentBody(fields);
		case 'invoice_item_category':
			// v2 lets a client write a category's name only; its flags are Harvest's.
			return fields.name === undefined ? {} : { name: fields.name };
		default:
			return fields;
	}
}

/** The node's request in v2's words: endpoint, method, query and body. */
export async function v2Request(request: NodeRequest, context: V2BodyContext): Promise<V2Request> {
	const route = v2Route(request.method, request.path);
	// Only a listing is a list query: a POST to /v2/invoices must not carry `per_page`.
	const { qs, keep } = v2ListQuery(route.method === 'GET' ? route.path : '', { ...(route.qs ?? {}), ...(request.qs ?? {}) });
	const wantsCurrent = route.method === 'PATCH' && route.path.startsWith('/v2/invoices/');
	const body = await v2Body(route.path, request.body, route.eventType, wantsCurrent ? context : { today: context.today });
	return {
		method: route.method,
		path: route.path,
		qs: Object.keys(qs).length > 0 ? qs : undefined,
		body: body && Object.keys(body).length > 0 ? body : undefined,
		pick: route.pick,
		keep,
	};
}
