import type { IDataObject, IExecuteSingleFunctions, INode } from 'n8n-workflow';

import { requireDueTerms } from '../../../shared/dueTerms';
import { requireDate, requireHarvestId, requireNumber } from '../../../shared/validation';
import { idValue } from '../../../transport/idParameter';

/** Record field -> the name the user sees, so that errors name the field in the UI. */
const DATE_FIELDS: Record<string, string> = {
	issueDate: 'Issue Date',
	periodStart: 'Period Start',
	periodEnd: 'Period End',
};

/**
 * Checks and converts the user-editable fields the routing put into the record: the client ID,
 * dates as `YYYY-MM-DD`, percentages as numbers in range. An empty number or currency is left out
 * (Harvest then picks the next number / the client's currency) rather than sent as "", and so is
 * a Client left at None (Update keeps the invoice's client; Create refuses an empty client earlier).
 */
export function normalizeEditableFields(node: INode, invoice: IDataObject, itemIndex: number): void {
	if (invoice.clientId !== undefined && String(invoice.clientId).trim() === '') delete invoice.clientId;
	if (invoice.clientId !== undefined) {
		invoice.clientId = idValue(requireHarvestId(node, 'Client', invoice.clientId, itemIndex));
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

/** Due Terms (and Due In (Days)) from a collection -> the record's `dueTerms`, when the user set them. */
export function applyDueTerms(
	this: IExecuteSingleFunctions,
	invoice: IDataObject,
	collection: 'additionalFields' | 'updateFields',
): void {
	const fields = this.getNodeParameter(collection, {}) as IDataObject;
	if (fields.dueTerms === undefined) return;
	invoice.dueTerms = requireDueTerms(this.getNode(), fields.dueTerms, fields.dueInDays, this.getItemIndex()) as unknown as IDataObject;
}
