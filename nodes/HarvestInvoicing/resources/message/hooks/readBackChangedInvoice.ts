import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { idParameter, idValue } from '../../../transport/idParameter';
import { readInvoice } from '../../../transport/invoiceStatus';
import { readBackAfterWrite } from '../../../transport/readBack';

/**
 * postReceive of the state changes (Mark as Sent, Mark as Draft, Mark as Closed, Re-Open).
 * Harvest answers `200` with no body; what changed is the invoice, so the invoice is read back
 * and output as Invoice > Get shows it, with its new `state`.
 */
export async function readBackChangedInvoice(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	_response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const invoiceId = idParameter(this, 'invoiceId', 'Invoice');
	return await readBackAfterWrite("changed the invoice's state", this.getItemIndex(), { id: idValue(invoiceId) }, async () =>
		await readInvoice.call(this, invoiceId),
	);
}
