import type { InvoiceFields } from '../dialect';

/** A classic invoice names its client flat (`client_name` in lists only) and its dates `issued_at`, `due_at`. */
export const V1_INVOICE_FIELDS: InvoiceFields = {
	clientId: (invoice) => invoice.client_id,
	clientName: (invoice) => invoice.client_name,
	issueDate: (invoice) => invoice.issued_at,
	dueDate: (invoice) => invoice.due_at,
};
