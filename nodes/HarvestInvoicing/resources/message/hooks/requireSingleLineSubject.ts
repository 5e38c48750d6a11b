import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireHeaderText } from '../../../shared/emails';
import { wrappedRecord } from '../../../transport/requestBody';

/**
 * preSend of Message > Send: the Subject becomes an email header, so a line break or NUL in it
 * (from an expression, say) is refused before the invoice goes out.
 */
export async function requireSingleLineSubject(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const message = wrappedRecord(requestOptions, 'message');
	if (message.subject !== undefined) {
		message.subject = requireHeaderText(this.getNode(), 'Subject', message.subject, this.getItemIndex());
	}
	return requestOptions;
}
