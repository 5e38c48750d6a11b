import type { IDataObject } from 'n8n-workflow';

import type { DecodedBody, RecordKind } from '../decodedBody';

/** v2 list envelopes: the key holding the records, and what they are. */
const LIST_KEYS: Record<string, RecordKind> = {
	invoices: 'invoice',
	invoice_messages: 'message',
	invoice_payments: 'payment',
	invoice_item_categories: 'category',
	clients: 'other',
	projects: 'other',
	contacts: 'other',
};

/** What a single v2 record is, told by the path it came from (v2 does not wrap single records). */
function kindOfPath(path: string): RecordKind {
	if (/\/invoice_item_categories(\/\d+)?$/.test(path)) return 'category';
	if (/\/invoices\/\d+\/messages(\/\d+)?$/.test(path)) return 'message';
	if (/\/invoices\/\d+\/payments(\/\d+)?$/.test(path)) return 'payment';
	if (/\/invoices(\/\d+)?$/.test(path)) return 'invoice';
	return 'other';
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notARecord(parsed: unknown): Error {
	const shape = isPlainObject(parsed) ? `"${Object.keys(parsed).slice(0, 3).join('", "')}"` : Array.isArray(parsed) ? 'a list' : typeof parsed;
	return new Error(`it is not one of Harvest's v2 records (found ${shape})`);
}

/**
 * A v2 answer -> its records: a list envelope (`{invoices: [...], links: {next}}`) or one record
 * (`{id, ...}`). Anything else (a login page, a proxy's JSON) is refused, not passed on as an item.
 */
export function decodeV2Body(body: unknown, path: string): DecodedBody {
	if (body === undefined || body === null || body === '') return { kind: 'other', isList: false, records: [] };
	if (Buffer.isBuffer(body)) return decodeV2Body(body.toString('utf8'), path);
	let parsed: unknown = body;
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') return { kind: 'other', isList: false, records: [] };
		parsed = JSON.parse(text);
	}
	if (!isPlainObject(parsed)) throw notARecord(parsed);
	const listKey = Object.keys(parsed).find((key) => LIST_KEYS[key] !== undefined && Array.isArray(parsed[key]));
	if (listKey !== undefined) {
		const records = parsed[listKey] as unknown[];
		if (!records.every(isPlainObject)) throw notARecord(parsed);
		const links = isPlainObject(parsed.links) ? parsed.links : {};
		const next = typeof links.next === 'string' && links.next !== '' ? links.next : undefined;
		// How Harvest paged this answer, for the invoice walk to tell the last page (pageWalk.ts).
		const perPage = typeof parsed.per_page === 'number' ? parsed.per_page : undefined;
		const morePages = next !== undefined || (typeof parsed.next_page === 'number' && parsed.next_page > 0);
		return { kind: LIST_KEYS[listKey], isList: true, records: records as IDataObject[], next, perPage, morePages };
	}
	if (parsed.id === undefined && !/\/(company|users\/me)$/.test(path)) throw notARecord(parsed);
	return { kind: kindOfPath(path), isList: false, records: [parsed] };
}
