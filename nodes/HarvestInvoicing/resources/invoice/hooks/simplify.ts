import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { currencyCode } from '../../../shared/currencies';
import { invoiceClientId } from '../../../transport/dialect';

/**
 * The fields people map from an invoice. Every key is always there (null when Harvest did not
 * give it: a single invoice carries no client name), so mappings do not break between Get and
 * Get Many, nor between the classic API and v2 (which nests the client and names the dates
 * `issue_date` and `due_date`).
 */
export function simplifyInvoice(invoice: IDataObject): IDataObject {
	const value = (key: string, v2Key?: string) => invoice[key] ?? (v2Key === undefined ? undefined : invoice[v2Key]) ?? null;
	const client = typeof invoice.client === 'object' && invoice.client !== null ? (invoice.client as IDataObject) : {};
	return {
		id: value('id'),
		number: value('number'),
		client_id: invoiceClientId(invoice) ?? null,
		client_name: invoice.client_name ?? client.name ?? null,
		amount: value('amount'),
		due_amount: value('due_amount'),
		currency_code: invoice.currency === undefined || invoice.currency === null ? null : currencyCode(invoice.currency),
		state: value('state'),
		issued_at: value('issued_at', 'issue_date'),
		due_at: value('due_at', 'due_date'),
		updated_at: value('updated_at'),
		client_dashboard_url: value('client_dashboard_url'),
	};
}

/** postReceive of Invoice > Get and Get Many: with Simplify on, each invoice item is cut down. */
export async function simplifyInvoiceItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('simple', false) !== true) return items;
	return items.map((item) => ({ ...item, json: simplifyInvoice(item.json) }));
}
