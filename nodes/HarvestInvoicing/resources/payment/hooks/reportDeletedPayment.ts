import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { deletedRecord } from '../../../shared/deletedRecord';
import { idParameter } from '../../../transport/idParameter';
import { invoiceStatusOf, readInvoice } from '../../../transport/invoiceStatus';
import { readBackAfterWrite } from '../../../transport/readBack';

/**
 * postReceive of Payment > Delete: Harvest answers with no body and recomputes the invoice, so
 * the invoice is read to say where it stands now:
 * `{ id, invoice_id, deleted: true, invoice_state, invoice_due_amount }`.
 */
export async function reportDeletedPayment(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	_response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const deleted = deletedRecord(this, {
		id: { parameter: 'paymentId', field: 'Payment ID' },
		invoice_id: { parameter: 'invoiceId', field: 'Invoice' },
	});
	const invoiceId = idParameter(this, 'invoiceId', 'Invoice');
	return await readBackAfterWrite('deleted the payment', this.getItemIndex(), deleted, async () => {
		const invoice = await readInvoice.call(this, invoiceId);
		return { ...deleted, ...invoiceStatusOf(invoice) };
	});
}
