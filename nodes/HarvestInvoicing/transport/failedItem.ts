import type { INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The error of one item as an n8n node error of its own: items that waited on one shared read (a
 * client's contacts) share its error object, and what is added to one item's error (its number,
 * a note on the other items) must not show on another's.
 */
export function itemError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return new NodeOperationError(node, error as Error, { itemIndex });
	// Every own property, with its descriptor: an Error's message and stack are not enumerable.
	return Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as typeof error;
}

/**
 * The item a failing input item becomes under Continue On Fail. n8n shows such an item as
 * `{ "error": message }`, so the message ends with the input item's number, as n8n's own errors
 * do; and it is paired with its input item, so that on the error output (Settings > On Error) the
 * nodes after it can still reach the invoice it was about, e.g. `$('Get Many Invoices').item`.
 */
export function failedItem(node: INode, error: unknown, itemIndex: number): INodeExecutionData {
	const own = itemError(node, error, itemIndex);
	own.message = `${own.message} [item ${itemIndex}]`;
	return { json: {}, error: own, pairedItem: { item: itemIndex } };
}
