import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { idFromLocation } from '../../../transport/location';
import { idParameter, idValue } from '../../../transport/idParameter';
import { invoiceStatusOf, readInvoice } from '../../../transport/invoiceStatus';
import { readBackAfterWrite } from '../../../transport/readBack';
import { harvestRead } from '../../../transport/reads';
import { invoiceReadBeforeSend } from './sendToClientContacts';

/**
 * postReceive of Message > Send. Harvest v1 answers `201` with only a `Location`: the message is
 * read from there (its ID, subject and who it went to; v2 answers with it), and the invoice for its new state
 * (a draft becomes open): `{ ...message, invoice_state }`. A read-back that fails still gives the
 * message's id (from Location) and `read_back_error`: the email went out.
 */
export async function readBackSentMessage(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const invoiceId = idParameter(this, 'invoiceId', 'Invoice');
	// v1 names the new message in Location; v2 answers with the message itself.
	const answered = items[0]?.json;
	const messageId = idFromLocation(response.headers) ?? (answered?.id === undefined ? undefined : String(answered.id));
	const known = { ...(messageId === undefined ? {} : { id: Number(messageId) }), invoice_id: idValue(invoiceId) };
	return await readBackAfterWrite('sent the invoice', this.getItemIndex(), known, async () => {
		let message = answered;
		if (message === undefined && messageId !== undefined) {
			message = (await harvestRead.call(this, { read: 'invoiceMessage', invoiceId, id: messageId })).records[0];
		}
		// Sending turns a draft into an open invoice and leaves any other state as it was, so an
		// invoice read just before the send (Send To "Client's Contacts") need not be read again.
		const before = invoiceReadBeforeSend(this);
		const { invoice_state } =
			before === undefined
				? invoiceStatusOf(await readInvoice.call(this, invoiceId))
				: { invoice_state: before.state === 'draft' ? 'open' : (before.state ?? null) };
		// v2's message records do not name their invoice; v1's do: `known` keeps `invoice_id` on both.
		return { ...known, ...(message ?? {}), invoice_state };
	});
}
