import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { V2_PREFIX } from './connection';

/** The v1-style message verbs the Message operations route to, as v2's `event_type`. */
const MESSAGE_EVENTS: Record<string, string> = {
	mark_as_sent: 'send',
	mark_as_draft: 'draft',
	mark_as_closed: 'close',
	re_open: 're-open',
};

export interface V2Route {
	method: IHttpRequestMethods;
	/** Path on the v2 API, `/v2/...`. */
	path: string;
	/** Query parameters the path itself implies (e.g. `client_id` of a client's contacts). */
	qs?: IDataObject;
	/** A state change becomes a message with this `event_type`. */
	eventType?: string;
	/** v2 has no GET of one message or payment: the list is read and this record picked from it. */
	pick?: { kind: 'message' | 'payment'; id: number };
}

/**
 * Where an operation's request goes on v2. The node routes every operation to a path named after
 * what it does (`/invoices/{id}/messages/mark_as_sent`, `/clients/{id}/contacts`); this is the
 * one place that knows v2's own endpoints for them. Ids in `path` are validated already.
 */
export function v2Route(method: IHttpRequestMethods, path: string): V2Route {
	const clean = path.replace(/\/+$/, '');
	const verb = /^(\/invoices\/\d+\/messages)\/(mark_as_sent|mark_as_draft|mark_as_closed|re_open)$/.exec(clean);
	if (verb && method === 'POST') return { method, path: `${V2_PREFIX}${verb[1]}`, eventType: MESSAGE_EVENTS[verb[2]] };
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
