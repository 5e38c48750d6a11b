import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { requireNumber } from './validation';

/**
 * A money amount that must be more than zero (a payment). Text is accepted with a decimal point
 * only (see requireNumber); the amount is not rounded, Harvest applies the invoice's currency.
 */
export function requirePositiveAmount(node: INode, field: string, value: unknown, itemIndex?: number): number {
	const amount = requireNumber(node, field, value, {}, itemIndex);
	if (amount <= 0) {
		throw new NodeOperationError(node, `${field} must be more than 0, e.g. 250.00 (got "${amount}")`, {
			itemIndex,
		});
	}
	return amount;
}
