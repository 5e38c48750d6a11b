import type { INode } from 'n8n-workflow';

import { requireDueTerms } from '../../shared/dueTerms';
import type { DueTerms } from '../operationRequest';

/** Due terms -> `due-at-human-format`: `upon receipt` or `NET N`; Harvest then computes `due_at`. */
export function humanDueTerms(terms: DueTerms): string {
	return terms.term === 'uponReceipt' ? 'upon receipt' : `NET ${terms.days}`;
}

/** The node's Due Terms and Due In (Days), checked, as `due-at-human-format`. */
export function dueAtHumanFormat(node: INode, terms: unknown, customDays: unknown, itemIndex?: number): string {
	return humanDueTerms(requireDueTerms(node, terms, customDays, itemIndex));
}
