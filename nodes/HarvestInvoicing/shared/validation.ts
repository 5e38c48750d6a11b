import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/**
 * Checks made before any request, so bad input gets a message naming the field instead of a
 * Harvest error, and nothing a user typed reaches a URL path unchecked.
 */
export function requireHarvestId(node: INode, field: string, value: unknown, itemIndex?: number): string {
	const text = String(value ?? '').trim();
	if (!/^\d{1,18}$/.test(text) || /^0+$/.test(text)) {
		throw new NodeOperationError(
			node,
			`${field} must be a Harvest ID made of digits only, e.g. 6763297 (got "${text}")`,
			{ itemIndex },
		);
	}
	return text;
}
