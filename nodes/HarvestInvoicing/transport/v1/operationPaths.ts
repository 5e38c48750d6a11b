import type { IHttpRequestMethods } from 'n8n-workflow';

import type { OperationIds, OperationKey } from '../operationRequest';

/** Each operation's endpoint on the classic API; `{name}` is the operation's validated id. */
const ROUTES: Record<OperationKey, [IHttpRequestMethods, string]> = {
	'invoice:create': ['POST', '/invoices'],
	'invoice:delete': ['DELETE', '/invoices/{invoiceId}'],
	'invoice:get': ['GET', '/invoices/{invoiceId}'],
	'invoice:getAll': ['GET', '/invoices'],
	'invoice:update': ['PUT', '/invoices/{invoiceId}'],
	'message:delete': ['DELETE', '/invoices/{invoiceId}/messages/{messageId}'],
	'message:get': ['GET', '/invoices/{invoiceId}/messages/{messageId}'],
	'message:getAll': ['GET', '/invoices/{invoiceId}/messages'],
	'message:markAsClosed': ['POST', '/invoices/{invoiceId}/messages/mark_as_closed'],
	'message:markAsDraft': ['POST', '/invoices/{invoiceId}/messages/mark_as_draft'],
	'message:markAsSent': ['POST', '/invoices/{invoiceId}/messages/mark_as_sent'],
	'message:reOpen': ['POST', '/invoices/{invoiceId}/messages/re_open'],
	'message:send': ['POST', '/invoices/{invoiceId}/messages'],
	'payment:create': ['POST', '/invoices/{invoiceId}/payments'],
	'payment:delete': ['DELETE', '/invoices/{invoiceId}/payments/{paymentId}'],
	'payment:get': ['GET', '/invoices/{invoiceId}/payments/{paymentId}'],
	'payment:getAll': ['GET', '/invoices/{invoiceId}/payments'],
	'category:create': ['POST', '/invoice_item_categories'],
	'category:delete': ['DELETE', '/invoice_item_categories/{categoryId}'],
	'category:getAll': ['GET', '/invoice_item_categories'],
	'category:update': ['PUT', '/invoice_item_categories/{categoryId}'],
};

export function v1Route(operation: OperationKey, ids: OperationIds): { method: IHttpRequestMethods; path: string } {
	const [method, template] = ROUTES[operation];
	const path = template.replace(/\{(\w+)\}/g, (_match, name: keyof OperationIds) => String(ids[name] ?? ''));
	return { method, path };
}
