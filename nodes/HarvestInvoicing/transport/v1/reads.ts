import type { HarvestRequest } from '../request';
import type { HarvestRead } from '../reads';

/** Where the classic API answers each read (HARVEST_API.md); every one is a GET. */
export function v1ReadRequest(read: HarvestRead): HarvestRequest {
	switch (read.read) {
		case 'clients':
			return { method: 'GET', path: '/clients' };
		case 'client':
			return { method: 'GET', path: `/clients/${read.id}` };
		case 'clientContacts':
			return { method: 'GET', path: `/clients/${read.clientId}/contacts` };
		case 'projects':
			return { method: 'GET', path: '/projects', qs: read.clientId === undefined ? undefined : { client: read.clientId } };
		case 'categories':
			return { method: 'GET', path: '/invoice_item_categories' };
		case 'invoice':
			return { method: 'GET', path: `/invoices/${read.id}` };
		case 'invoicePage':
			// Its invoice pages hold a fixed 50, the page size the picker shows.
			return { method: 'GET', path: '/invoices', qs: { page: read.page } };
		case 'invoiceList':
			return { method: 'GET', path: '/invoices', qs: read.qs };
		case 'invoiceMessage':
			return { method: 'GET', path: `/invoices/${read.invoiceId}/messages/${read.id}` };
		case 'invoicePayment':
			return { method: 'GET', path: `/invoices/${read.invoiceId}/payments/${read.id}` };
		case 'invoicePayments':
			return { method: 'GET', path: `/invoices/${read.invoiceId}/payments` };
	}
}
