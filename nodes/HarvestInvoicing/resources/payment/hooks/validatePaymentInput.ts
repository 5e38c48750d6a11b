import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requirePositiveAmount } from '../../../shared/amounts';
import { requireWallClockDateTime } from '../../../shared/dateTimes';
import { wrappedRecord } from '../../../transport/requestBody';

/**
 * preSend of Payment > Create: the amount must be a positive number and Paid At a real date
 * before anything reaches Harvest; both are written back checked (Paid At as a wall-clock date and time).
 */
export async function validatePaymentInput(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const payment = wrappedRecord(requestOptions, 'payment');
	payment.amount = requirePositiveAmount(node, 'Amount', payment.amount, itemIndex);
	payment.paidAt = requireWallClockDateTime(node, 'Paid At', payment.paidAt, itemIndex);
	return requestOptions;
}
