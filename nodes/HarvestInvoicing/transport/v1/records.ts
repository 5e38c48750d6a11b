import type { IDataObject } from 'n8n-workflow';

import { decodeXml } from './xmlCodec';
import type { DataFormat } from './wireFormat';

import type { DecodedBody, RecordKind } from '../decodedBody';

export type { DecodedBody, RecordKind } from '../decodedBody';

const WRAPPERS: Record<string, RecordKind> = {
	invoices: 'invoice',
	invoice: 'invoice',
	message: 'message',
	messages: 'message',
	invoice_message: 'message',
	invoice_messages: 'message',
	payment: 'payment',
	payments: 'payment',
	invoice_category: 'category',
	invoice_item_category: 'category',
	invoice_item_categories: 'category',
	// Directory records behind the dropdowns: unwrapped the same way, no extras.
	client: 'other',
	clients: 'other',
	project: 'other',
	projects: 'other',
	contact: 'other',
	contacts: 'other',
};


// Decimal fields arrive as numbers in JSON, typed decimals in XML, and occasionally as strings
// (`"tax": "3"`); items always carry numbers.
const NUMERIC_FIELDS = new Set([
	'amount',
	'due_amount',
	'tax',
	'tax2',
	'tax_amount',
	'tax2_amount',
	'discount',
	'discount_amount',
]);

function numericValue(name: string, value: unknown): unknown {
	if (!NUMERIC_FIELDS.has(name) || typeof value !== 'string' || value.trim() === '') return value;
	const number = Number(value);
	return Number.isNaN(number) ? value : number;
}

function normalizeRecord(record: IDataObject): IDataObject {
	const normalized: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		const name = key.replace(/-/g, '_');
		normalized[name] = value === undefined ? null : (numericValue(name, value) as IDataObject[keyof IDataObject]);
	}
	return normalized;
}

/**
 * The XML reader already gives snake_case keys and never undefined: only decimals sent as text are
 * left to fix, in place, which spares copying every record of a page.
 */
function normalizeXmlRecord(record: IDataObject): IDataObject {
	for (const name of NUMERIC_FIELDS) {
		if (typeof record[name] === 'string') record[name] = numericValue(name, record[name]) as IDataObject[keyof IDataObject];
	}
	return record;
}

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a body holds, in a few words for an error (key names only, never values). */
function shapeOf(parsed: unknown): string {
	if (isPlainObject(parsed)) {
		const keys = Object.keys(parsed);
		return keys.length === 0 ? 'an empty object' : `"${keys.slice(0, 3).join('", "')}"${keys.length > 3 ? ', ...' : ''}`;
	}
	return Array.isArray(parsed) ? 'a list' : typeof parsed;
}

function notARecord(parsed: unknown): Error {
	return new Error(`it is not one of Harvest's records (found ${shapeOf(parsed)})`);
}

/**
 * `{wrapper: record}` -> [kind, record]. Every Harvest record comes wrapped in its name; anything
 * else (a login page read as XML, a proxy's JSON) is refused rather than passed on as an item.
 */
function unwrapOne(entry: unknown): [RecordKind, IDataObject] {
	if (isPlainObject(entry)) {
		const keys = Object.keys(entry);
		if (keys.length === 1 && WRAPPERS[keys[0]] && isPlainObject(entry[keys[0]])) {
			return [WRAPPERS[keys[0]], entry[keys[0]] as IDataObject];
		}
	}
	throw notARecord(entry);
}

/**
 * who_am_i is the one answer without a record wrapper: `{company, user}` in JSON, the same inside
 * Rails' `<hash>` root in XML. Only that exact shape passes, so a foreign `<hash>` is still refused.
 */
function accountIdentity(parsed: unknown): IDataObject | undefined {
	const isIdentity = (value: unknown): value is IDataObject =>
		isPlainObject(value) &&
		Object.keys(value).sort().join(',') === 'company,user' &&
		isPlainObject(value.company) &&
		isPlainObject(value.user);
	if (isIdentity(parsed)) return parsed;
	if (isPlainObject(parsed) && Object.keys(parsed).length === 1 && isIdentity(parsed.hash)) return parsed.hash;
	return undefined;
}

function fromWrapped(parsed: unknown, normalize: (record: IDataObject) => IDataObject = normalizeRecord): DecodedBody {
	const identity = accountIdentity(parsed);
	if (identity) {
		const record = { company: normalize(identity.company as IDataObject), user: normalize(identity.user as IDataObject) };
		return { kind: 'other', isList: false, records: [record] };
	}
	if (Array.isArray(parsed)) {
		const unwrapped = parsed.map(unwrapOne);
		const kind = unwrapped[0]?.[0] ?? 'other';
		return { kind, isList: true, records: unwrapped.map(([, record]) => normalize(record)) };
	}
	if (isPlainObject(parsed)) {
		const keys = Object.keys(parsed);
		// XML lists decode to `{payments: [...]}`; XML and JSON single records to `{payment: {...}}`.
		if (keys.length === 1 && WRAPPERS[keys[0]] && Array.isArray(parsed[keys[0]])) {
			const list = parsed[keys[0]] as unknown[];
			if (!list.every(isPlainObject)) throw notARecord(parsed);
			return { kind: WRAPPERS[keys[0]], isList: true, records: list.map((record) => normalize(record)) };
		}
		const [kind, record] = unwrapOne(parsed);
		return { kind, isList: false, records: [normalize(record)] };
	}
	throw notARecord(parsed);
}

/**
 * Turns a Harvest response body (already-parsed JSON, or text) into plain records. An empty
 * body (Harvest answers many writes with none) gives no records.
 */
export function decodeHarvestBody(body: unknown, format: DataFormat): DecodedBody {
	if (body === undefined || body === null || body === '') {
		return { kind: 'other', isList: false, records: [] };
	}
	if (Buffer.isBuffer(body)) return decodeHarvestBody(body.toString('utf8'), format);
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') return { kind: 'other', isList: false, records: [] };
		const looksLikeXml = text.startsWith('<');
		if (format === 'xml' || looksLikeXml) return fromWrapped(decodeXml(text), normalizeXmlRecord);
		return fromWrapped(JSON.parse(text));
	}
	return fromWrapped(body);
}
