import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { idFromLocation } from '../../../transport/location';
import { idParameter, idValue } from '../../../transport/idParameter';
import { invoiceStatusOf, readInvoice } from '../../../transport/invoiceStatus';
import { readBackAfterWrite } from '../../../transport/readBack';
import { harvestRead } from '../../../transport/reads';

/**
 * postReceive of Payment > Create. Harvest answers `201` with only a `Location`, so the payment
 * is read from there, and the invoice is read for what the payment did to it:
 * `{ ...payment, invoice_state, invoice_due_amount }`.
 */
export async function readBackCreatedPayment(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const invoiceId = idParameter(this, 'invoiceId', 'Invoice');
	// v1 names the new payment in Location; v2 answers with the payment itself.
	const answered = items[0]?.json;
	const paymentId = idFromLocation(response.headers) ?? (answered?.id === undefined ? undefined : String(answered.id));
	const known = { ...(paymentId === undefined ? {} : { id: Number(paymentId) }), invoice_id: idValue(invoiceId) };
	return await readBackAfterWrite('recorded the payment', this.getItemIndex(), known, async () => {
		let payment = answered;
		if (payment === undefined && paymentId !== undefined) {
			payment = (await harvestRead.call(this, { read: 'invoicePayment', invoiceId, id: paymentId })).records[0];
		}
		const invoice = await readInvoice.call(this, invoiceId);
		// v2's payment records do not name their invoice; v1's do: `known` keeps `invoice_id` on both.
		return { ...known, ...(payment ?? {}), ...invoiceStatusOf(invoice) };
	});
}
