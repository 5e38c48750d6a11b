import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { wrappedRecord } from '../../../transport/requestBody';

/**
 * preSend of Category > Create and Update: a category needs a name (it is what line items show
 * as their kind); surrounding spaces are dropped so "Travel " does not become a second "Travel".
 */
export async function requireCategoryName(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const category = wrappedRecord(requestOptions, 'category');
	const name = typeof category.name === 'string' ? category.name.trim() : '';
	if (name === '') {
		throw new NodeOperationError(this.getNode(), 'Name must not be empty, e.g. Travel', {
			itemIndex: this.getItemIndex(),
		});
	}
	category.name = name;
	return requestOptions;
}
