import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { requireHarvestId } from '../shared/validation';

/**
 * An ID parameter (plain or resource locator) of the current item, validated, for hooks that
 * build extra requests or output items after the routed request.
 */
export function idParameter(context: IExecuteSingleFunctions, name: string, field: string): string {
	const value = context.getNodeParameter(name, undefined, { extractValue: true });
	return requireHarvestId(context.getNode(), field, value, context.getItemIndex());
}

/** An ID as records carry it: a number, unless it is too large to be one without losing digits. */
export function idValue(id: string): number | string {
	const number = Number(id);
	return Number.isSafeInteger(number) ? number : id;
}
