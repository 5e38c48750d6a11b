import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { codePointLabel } from '../shared/characters';

/**
 * Characters XML 1.0 cannot carry at all, not even as `&#...;`: C0 controls other than tab, line
 * feed and carriage return, U+FFFE/U+FFFF, and halves of a surrogate pair. They are refused in
 * both formats, so a workflow behaves the same whichever format the credential speaks; they are
 * not stripped, because silently changing an invoice's text is worse than saying so.
 */
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Body keys whose field has another name in the node panel; the rest read as their Title Case. */
const FIELD_NAMES: Record<string, string> = {
	body: 'Message',
	note: 'Message',
	csv_line_items: 'Line Items',
	lineItems: 'Line Items',
	client_id: 'Client',
	clientId: 'Client',
	currency: 'Currency',
};

/** `purchaseOrder` or `purchase_order` -> `Purchase Order`. */
function fieldName(key: string): string {
	const words = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split('_');
	return FIELD_NAMES[key] ?? words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/**
 * The first unsafe character in a value: a text, or the texts nested in a list or record (line
 * items, recipients). Line items typed as raw CSV are searched as typed, so the position is the
 * one the user sees in the CSV field.
 */
function firstUnsafe(value: unknown): { codePoint: string; position: number } | undefined {
	if (typeof value === 'string') {
		const match = NOT_IN_XML.exec(value);
		return match ? { codePoint: codePointLabel(match[0]), position: match.index + 1 } : undefined;
	}
	if (Array.isArray(value)) {
		for (const entry of value) {
			const found = firstUnsafe(entry);
			if (found) return found;
		}
		return undefined;
	}
	if (value === null || typeof value !== 'object') return undefined;
	const record = value as IDataObject;
	const keys = Object.keys(record).sort((a, b) => Number(b === 'typedCsv') - Number(a === 'typedCsv'));
	for (const key of keys) {
		const found = firstUnsafe(record[key]);
		if (found) return found;
	}
	return undefined;
}

export interface UnsafeText {
	field: string;
	codePoint: string;
	/** 1-based, as a person counts characters. */
	position: number;
}

/** The first text value of a request record that XML 1.0 cannot carry, if any. */
export function findUnsafeText(record: IDataObject): UnsafeText | undefined {
	for (const [key, value] of Object.entries(record)) {
		const found = firstUnsafe(value);
		if (found) return { field: fieldName(key), ...found };
	}
	return undefined;
}

/**
 * preSend for every operation, before the body is encoded: refuses text that XML 1.0 cannot
 * carry, naming the field, before anything is sent.
 */
export async function refuseUnsafeText(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body;
	if (body === null || typeof body !== 'object') return requestOptions;
	for (const record of Object.values(body as IDataObject)) {
		if (record === null || typeof record !== 'object' || Array.isArray(record)) continue;
		const unsafe = findUnsafeText(record as IDataObject);
		if (unsafe) {
			throw new NodeOperationError(
				this.getNode(),
				`${unsafe.field} contains a control character (${unsafe.codePoint}) at position ${unsafe.position}, which Harvest cannot store`,
				{
					itemIndex: this.getItemIndex(),
					description:
						'Remove it from the text (it often comes from text copied out of a PDF or a terminal). Line breaks and tabs are fine.',
				},
			);
		}
	}
	return requestOptions;
}
