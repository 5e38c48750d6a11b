import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { requireNumber } from './validation';

/** The smallest amount money can be paid in: one cent (Harvest keeps amounts to two decimals). */
export const MIN_AMOUNT = 0.01;

/**
 * A money amount of at least one cent (a payment): 0.001 would round to nothing at Harvest. Text
 * is accepted with a decimal point only (see requireNumber); the amount is not rounded, Harvest
 * applies the invoice's currency.
 */
export function requirePositiveAmount(node: INode, field: string, value: unknown, itemIndex?: number): number {
	const amount = requireNumber(node, field, value, {}, itemIndex);
	if (amount < MIN_AMOUNT) {
		throw new NodeOperationError(node, `${field} must be at least ${MIN_AMOUNT}, e.g. 250.00 (got "${amount}")`, {
			itemIndex,
		});
	}
	return amount;
}
