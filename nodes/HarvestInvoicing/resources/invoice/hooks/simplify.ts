import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { currencyCode } from '../../../shared/currencies';
import type { InvoiceFields } from '../../../transport/dialect';
import { invoiceFieldsOf } from '../../../transport/invoiceFields';

/**
 * The fields people map from an invoice. Every key is always there (null when Harvest did not
 * give it: a single invoice carries no client name), so mappings do not break between Get and
 * Get Many, nor between the APIs (whose records name the client and dates differently: `fields`
 * reads them where the answering API keeps them). The keys are the classic API's names.
 */
export function simplifyInvoice(invoice: IDataObject, fields: InvoiceFields): IDataObject {
	const value = (key: string) => invoice[key] ?? null;
	return {
		id: value('id'),
		number: value('number'),
		client_id: fields.clientId(invoice) ?? null,
		client_name: fields.clientName(invoice) ?? null,
		amount: value('amount'),
		due_amount: value('due_amount'),
		currency_code: invoice.currency === undefined || invoice.currency === null ? null : currencyCode(invoice.currency),
		state: value('state'),
		issued_at: fields.issueDate(invoice) ?? null,
		due_at: fields.dueDate(invoice) ?? null,
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
	const fields = await invoiceFieldsOf(this);
	return items.map((item) => ({ ...item, json: simplifyInvoice(item.json, fields) }));
}
