import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { lineAmount, type LineItem } from './lineItems';
import { requireHarvestId, requireNumber } from './validation';

/** One entry of the Line Items editor, as n8n stores it (values may come from expressions). */
export interface LineItemEntry {
	kind?: unknown;
	description?: unknown;
	quantity?: unknown;
	unitPrice?: unknown;
	taxed?: unknown;
	taxed2?: unknown;
	projectId?: unknown;
}

function flag(node: INode, field: string, value: unknown, itemIndex?: number): boolean {
	if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
	if (value === true || value === 'true') return true;
	throw new NodeOperationError(node, `${field} must be true or false (got "${String(value)}")`, { itemIndex });
}

/**
 * The editor's entries -> validated line items (amount = quantity x unit price, in cents), ready for
 * `writeLineItemsCsv`. Errors name the line as the user sees it: `Line Items > line 2 > Quantity`.
 */
export function lineItemsFromEditor(node: INode, entries: LineItemEntry[], itemIndex?: number): LineItem[] {
	return entries.map((entry, index) => {
		const field = (name: string) => `Line Items > line ${index + 1} > ${name}`;
		const kind = String(entry.kind ?? '').trim();
		if (kind === '') {
			throw new NodeOperationError(node, `${field('Kind')} is empty: choose an item category, e.g. Service`, {
				itemIndex,
			});
		}
		const quantity = requireNumber(node, field('Quantity'), entry.quantity, {}, itemIndex);
		const unitPrice = requireNumber(node, field('Unit Price'), entry.unitPrice, {}, itemIndex);
		const project = String(entry.projectId ?? '').trim();
		return {
			kind,
			description: String(entry.description ?? ''),
			quantity,
			unit_price: unitPrice,
			amount: lineAmount(quantity, unitPrice),
			taxed: flag(node, field('Taxed'), entry.taxed, itemIndex),
			taxed2: flag(node, field('Taxed 2'), entry.taxed2, itemIndex),
			project_id: project === '' ? null : Number(requireHarvestId(node, field('Project'), project, itemIndex)),
		};
	});
}
