import type { INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The item a failing input item becomes under Continue On Fail. n8n shows such an item as
 * `{ "error": message }`, so the message ends with the input item's number, as n8n's own errors
 * do; and it is paired with its input item, so that on the error output (Settings > On Error) the
 * nodes after it can still reach the invoice it was about, e.g. `$('Get Many Invoices').item`.
 */
export function failedItem(node: INode, error: unknown, itemIndex: number): INodeExecutionData {
	const failure =
		error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error, { itemIndex });
	const suffix = ` [item ${itemIndex}]`;
	if (!failure.message.endsWith(suffix)) failure.message += suffix;
	return { json: {}, error: failure, pairedItem: { item: itemIndex } };
}
