import type { HarvestRead } from '../reads';
import { V2_PREFIX } from './connection';
import type { V2Route } from './index';

/**
 * Where v2 answers each read (HARVEST_API_V2.md): a client's contacts are a filter of /contacts,
 * and one message or payment is picked from its invoice's list (v2 has no GET of one).
 */
export function v2ReadRoute(read: HarvestRead, pickerPageSize: number): V2Route {
	switch (read.read) {
		case 'clients':
			return { method: 'GET', path: `${V2_PREFIX}/clients` };
		case 'client':
			return { method: 'GET', path: `${V2_PREFIX}/clients/${read.id}` };
		case 'clientContacts':
			return { method: 'GET', path: `${V2_PREFIX}/contacts`, qs: { client_id: String(read.clientId) } };
		case 'projects':
			return { method: 'GET', path: `${V2_PREFIX}/projects`, qs: read.clientId === undefined ? undefined : { client_id: read.clientId } };
		case 'categories':
			return { method: 'GET', path: `${V2_PREFIX}/invoice_item_categories` };
		case 'invoice':
			return { method: 'GET', path: `${V2_PREFIX}/invoices/${read.id}` };
		case 'invoicePage':
			// The picker's page size asked for: v2's lists would otherwise hold 2,000.
			return { method: 'GET', path: `${V2_PREFIX}/invoices`, qs: { page: read.page, per_page: pickerPageSize } };
		case 'invoiceList':
			// Paged by its caller (v2/send.ts follows no `links.next` of the invoice list).
			return { method: 'GET', path: `${V2_PREFIX}/invoices`, qs: read.qs };
		case 'invoiceMessage':
			return { method: 'GET', path: `${V2_PREFIX}/invoices/${read.invoiceId}/messages`, pick: { kind: 'message', id: Number(read.id) } };
		case 'invoicePayment':
			return { method: 'GET', path: `${V2_PREFIX}/invoices/${read.invoiceId}/payments`, pick: { kind: 'payment', id: Number(read.id) } };
		case 'invoicePayments':
			return { method: 'GET', path: `${V2_PREFIX}/invoices/${read.invoiceId}/payments` };
	}
}
