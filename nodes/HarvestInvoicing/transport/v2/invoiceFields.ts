import type { IDataObject } from 'n8n-workflow';

import type { InvoiceFields } from '../dialect';

const clientOf = (invoice: IDataObject): IDataObject | undefined =>
	typeof invoice.client === 'object' && invoice.client !== null ? (invoice.client as IDataObject) : undefined;

/** A v2 invoice nests its client (`client.id`, `client.name`) and names its dates `issue_date`, `due_date`. */
export const V2_INVOICE_FIELDS: InvoiceFields = {
	clientId: (invoice) => clientOf(invoice)?.id,
	clientName: (invoice) => clientOf(invoice)?.name,
	issueDate: (invoice) => invoice.issue_date,
	dueDate: (invoice) => invoice.due_date,
};
