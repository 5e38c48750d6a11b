import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { harvestRead } from './reads';

/** One invoice as the Invoice resource shows it (extras included), read after a change to it. */
export async function readInvoice(this: IExecuteSingleFunctions, invoiceId: string): Promise<IDataObject> {
	const decoded = await harvestRead.call(this, { read: 'invoice', id: invoiceId });
	const invoice = decoded.records[0];
	if (!invoice) throw new Error(`Harvest sent no record for invoice ${invoiceId}`);
	return invoice;
}

/**
 * What a payment or a message did to its invoice, as fields next to the payment or message:
 * the state drives what a workflow does next (thank-you note, reminder), the due amount too.
 */
export function invoiceStatusOf(invoice: IDataObject): IDataObject {
	return { invoice_state: invoice.state ?? null, invoice_due_amount: invoice.due_amount ?? null };
}
