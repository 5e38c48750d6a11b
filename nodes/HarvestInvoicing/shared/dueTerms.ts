import { NodeOperationError } from 'n8n-workflow';
import type { INode, INodePropertyOptions } from 'n8n-workflow';

import type { DueTerms, DueTermsChoice } from '../transport/operationRequest';
import { requireChoice, requireNumber } from './validation';

/** The payment terms Harvest's own invoice form offers, plus any number of days. */
export const DUE_TERMS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Upon Receipt', value: 'uponReceipt', description: 'Due on the issue date' },
	{ name: 'NET 15', value: 'net15', description: 'Due 15 days after the issue date' },
	{ name: 'NET 30', value: 'net30', description: 'Due 30 days after the issue date' },
	{ name: 'NET 45', value: 'net45', description: 'Due 45 days after the issue date' },
	{ name: 'NET 60', value: 'net60', description: 'Due 60 days after the issue date' },
	{ name: 'Custom Number of Days', value: 'custom', description: 'Due the number of days set in Due In (Days)' },
];

const TERMS = DUE_TERMS_OPTIONS.map((option) => String(option.value));

/** Longest term accepted: Harvest's classic API writes `NET N` with up to four digits. */
export const MAX_DUE_DAYS = 9999;

/**
 * Due terms as the user chose them, checked: a term and the days after the issue date it means.
 * Custom needs Due In (Days), a whole number of days.
 */
export function requireDueTerms(node: INode, terms: unknown, customDays: unknown, itemIndex?: number): DueTerms {
	const choice = requireChoice(node, 'Due Terms', terms, TERMS as DueTermsChoice[], itemIndex);
	if (choice === 'uponReceipt') return { term: choice, days: 0 };
	if (choice === 'custom') {
		// In a collection, Due In (Days) is a separate field the user must add next to Due Terms.
		if (customDays === undefined || customDays === null || customDays === '') {
			throw new NodeOperationError(node, 'Due In (Days) is missing: Due Terms is Custom Number of Days', {
				itemIndex,
				description: 'Add Due In (Days) next to Due Terms, e.g. 21 for NET 21.',
			});
		}
		const days = requireNumber(node, 'Due In (Days)', customDays, { min: 0, max: MAX_DUE_DAYS, integer: true }, itemIndex);
		return { term: choice, days };
	}
	return { term: choice, days: Number(choice.slice('net'.length)) };
}
