import type { IDataObject, IExecuteSingleFunctions, INode } from 'n8n-workflow';

import { dueAtHumanFormat } from '../../../shared/dueTerms';
import { requireDate, requireHarvestId, requireNumber } from '../../../shared/validation';
import { idValue } from '../../../transport/idParameter';

/** Wire field -> the name the user sees, so that errors name the field in the UI. */
const DATE_FIELDS: Record<string, string> = {
	issued_at: 'Issue Date',
	period_start: 'Period Start',
	period_end: 'Period End',
	expense_period_start: 'Expense Period Start',
	expense_period_end: 'Expense Period End',
};

/**
 * Checks and converts the user-editable fields the routing put into the record: the client ID,
 * dates as `YYYY-MM-DD`, percentages as numbers in range. An empty number or currency is left out
 * (Harvest then picks the next number / the client's currency) rather than sent as "", and so is
 * a Client left at None (Update keeps the invoice's client; Create refuses an empty client earlier).
 */
export function normalizeEditableFields(node: INode, invoice: IDataObject, itemIndex: number): void {
	if (invoice.client_id !== undefined && String(invoice.client_id).trim() === '') delete invoice.client_id;
	if (invoice.client_id !== undefined) {
		invoice.client_id = idValue(requireHarvestId(node, 'Client', invoice.client_id, itemIndex));
	}
	for (const [key, field] of Object.entries(DATE_FIELDS)) {
		if (invoice[key] !== undefined) invoice[key] = requireDate(node, field, invoice[key], itemIndex);
	}
	for (const [key, field] of [['tax', 'Tax (%)'], ['tax2', 'Tax 2 (%)']] as const) {
		if (invoice[key] !== undefined) invoice[key] = requireNumber(node, field, invoice[key], { min: 0 }, itemIndex);
	}
	if (invoice.discount !== undefined) {
		invoice.discount = requireNumber(node, 'Discount (%)', invoice.discount, { min: 0, max: 100 }, itemIndex);
	}
	for (const key of ['number', 'currency']) {
		if (invoice[key] === undefined) continue;
		const text = String(invoice[key]).trim();
		if (text === '') delete invoice[key];
		else invoice[key] = text;
	}
}

/** Due Terms (and Due In (Days)) from a collection -> `due_at_human_format`, when the user set them. */
export function applyDueTerms(
	this: IExecuteSingleFunctions,
	invoice: IDataObject,
	collection: 'additionalFields' | 'updateFields',
): void {
	const fields = this.getNodeParameter(collection, {}) as IDataObject;
	if (fields.dueTerms === undefined) return;
	invoice.due_at_human_format = dueAtHumanFormat(this.getNode(), fields.dueTerms, fields.dueInDays, this.getItemIndex());
}
