import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { idFromLocation } from '../../../transport/location';
import { idParameter, idValue } from '../../../transport/idParameter';
import { invoiceStatusOf, readInvoice } from '../../../transport/invoiceStatus';
import { readBackAfterWrite } from '../../../transport/readBack';
import { harvestRequest } from '../../../transport/request';

/**
 * postReceive of Message > Send. Harvest answers `201` with only a `Location`: the message is
 * read from there (its ID, subject and who it went to), and the invoice for its new state
 * (a draft becomes open): `{ ...message, invoice_state }`.
 */
export async function readBackSentMessage(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const invoiceId = idParameter(this, 'invoiceId', 'Invoice');
	const messageId = idFromLocation(response.headers);
	const known = { ...(messageId === undefined ? {} : { id: Number(messageId) }), invoice_id: idValue(invoiceId) };
	return await readBackAfterWrite('sent the invoice', this.getItemIndex(), known, async () => {
		let message = items[0]?.json;
		if (message === undefined && messageId !== undefined) {
			const path = `/invoices/${invoiceId}/messages/${messageId}`;
			message = (await harvestRequest.call(this, { method: 'GET', path })).records[0];
		}
		const { invoice_state } = invoiceStatusOf(await readInvoice.call(this, invoiceId));
		return { ...(message ?? known), invoice_state };
	});
}
