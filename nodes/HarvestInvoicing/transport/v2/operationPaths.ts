import type { IHttpRequestMethods } from 'n8n-workflow';

import type { OperationIds, OperationKey } from '../operationRequest';
import { V2_PREFIX } from './connection';

interface V2Route {
	method: IHttpRequestMethods;
	/** Below `/v2`; `{name}` is the operation's validated id. */
	template: string;
	/** A state change is a message with this `event_type`. */
	eventType?: string;
	/** v2 has no GET of one message or payment: the list is read and the record picked. */
	pick?: { kind: 'message' | 'payment'; id: 'messageId' | 'paymentId' };
}

const stateChange = (eventType: string): V2Route => ({ method: 'POST', template: '/invoices/{invoiceId}/messages', eventType });

const ROUTES: Record<OperationKey, V2Route> = {
	'invoice:create': { method: 'POST', template: '/invoices' },
	'invoice:delete': { method: 'DELETE', template: '/invoices/{invoiceId}' },
	'invoice:get': { method: 'GET', template: '/invoices/{invoiceId}' },
	'invoice:getAll': { method: 'GET', template: '/invoices' },
	'invoice:update': { method: 'PATCH', template: '/invoices/{invoiceId}' },
	'message:delete': { method: 'DELETE', template: '/invoices/{invoiceId}/messages/{messageId}' },
	'message:get': { method: 'GET', template: '/invoices/{invoiceId}/messages', pick: { kind: 'message', id: 'messageId' } },
	'message:getAll': { method: 'GET', template: '/invoices/{invoiceId}/messages' },
	'message:markAsClosed': stateChange('close'),
	'message:markAsDraft': stateChange('draft'),
	'message:markAsSent': stateChange('send'),
	'message:reOpen': stateChange('re-open'),
	'message:send': { method: 'POST', template: '/invoices/{invoiceId}/messages' },
	'payment:create': { method: 'POST', template: '/invoices/{invoiceId}/payments' },
	'payment:delete': { method: 'DELETE', template: '/invoices/{invoiceId}/payments/{paymentId}' },
	'payment:get': { method: 'GET', template: '/invoices/{invoiceId}/payments', pick: { kind: 'payment', id: 'paymentId' } },
	'payment:getAll': { method: 'GET', template: '/invoices/{invoiceId}/payments' },
	'category:create': { method: 'POST', template: '/invoice_item_categories' },
	'category:delete': { method: 'DELETE', template: '/invoice_item_categories/{categoryId}' },
	'category:getAll': { method: 'GET', template: '/invoice_item_categories' },
	'category:update': { method: 'PATCH', template: '/invoice_item_categories/{categoryId}' },
};

export interface V2Endpoint {
	method: IHttpRequestMethods;
	path: string;
	eventType?: string;
	pick?: { kind: 'message' | 'payment'; id: number };
}

/** Where an operation goes on v2. */
export function v2Endpoint(operation: OperationKey, ids: OperationIds): V2Endpoint {
	const route = ROUTES[operation];
	const path = V2_PREFIX + route.template.replace(/\{(\w+)\}/g, (_match, name: keyof OperationIds) => String(ids[name] ?? ''));
	const pick = route.pick ? { kind: route.pick.kind, id: Number(ids[route.pick.id]) } : undefined;
	return { method: route.method, path, eventType: route.eventType, pick };
}
