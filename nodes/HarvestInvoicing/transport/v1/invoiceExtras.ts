import type { IDataObject } from 'n8n-workflow';

import { parseLineItemsCsv } from '../../shared/lineItems';

/**
 * What a classic invoice item carries beyond Harvest's fields: the public client dashboard link (built
 * from `client_key`, as Harvest documents) and `line_items` parsed from `csv_line_items`.
 */
export function withInvoiceExtras(invoice: IDataObject, subdomain: string): IDataObject {
	const extras: IDataObject = {};
	if (typeof invoice.client_key === 'string' && invoice.client_key !== '') {
		extras.client_dashboard_url = `https://${subdomain}.harvestapp.com/client/invoices/${invoice.client_key}`;
	}
	if (typeof invoice.csv_line_items === 'string') {
		try {
			extras.line_items = parseLineItemsCsv(invoice.csv_line_items) as unknown as IDataObject[];
		} catch {
			// Harvest's own CSV should always parse; if it does not, the raw text is still there.
			extras.line_items = null;
		}
	}
	return { ...invoice, ...extras };
}
