import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireEmailList } from '../../../shared/emails';
import { wrappedRecord } from '../../../transport/requestBody';

/**
 * preSend of Message > Send: every recipient must be an email address before the invoice goes
 * out; they become the record's list of addresses.
 */
export async function validateRecipients(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const message = wrappedRecord(requestOptions, 'message');
	message.recipients = requireEmailList(this.getNode(), 'Recipients', message.recipients, this.getItemIndex());
	return requestOptions;
}
