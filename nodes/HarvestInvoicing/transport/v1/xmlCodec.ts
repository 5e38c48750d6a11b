import { XMLBuilder } from 'fast-xml-parser';

import { readXml } from './xmlReader';

/**
 * Harvest v1 XML: kebab-case element names, values typed by a `type` attribute, `nil="true"` for
 * null, and `type="array"` on list elements. Decoding yields the same plain values the JSON
 * dialect carries (snake_case keys, numbers, booleans, null), so everything after the codec is
 * format-blind.
 */
const snakeCase = (name: string) => name.replace(/-/g, '_');
const kebabCase = (name: string) => name.replace(/_/g, '-');

/** Decodes an XML document into `{ [root_name]: value }`, mirroring the JSON wrapper shape. */
export function decodeXml(xml: string): Record<string, unknown> {
	// Harvest never sends a DOCTYPE; one can define entities that expand a small answer into
	// hundreds of megabytes, so such a document is not parsed at all.
	if (/<!DOCTYPE/i.test(xml)) {
		throw new Error('it declares a DOCTYPE, which Harvest never sends; it is not read, since its entities could expand it to any size');
	}
	// The reader checks well-formedness as it goes: a truncated or damaged document is an error,
	// never a silently partial record.
	const root = readXml(xml);
	return { [snakeCase(root.name)]: root.value };
}

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	textNodeName: '#text',
	suppressEmptyNode: false,
	// `nil="true"` must keep its value: a bare `nil` attribute is not XML.
	suppressBooleanAttributes: false,
	processEntities: true,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Fields the seeds type as decimals in request bodies (`<amount type="decimal">300.0</amount>`,
 * `<tax type="decimal">3</tax>`): a whole amount is still a decimal there, never an integer.
 */
const DECIMAL_FIELDS = new Set(['amount', 'tax', 'tax2', 'discount', 'quantity', 'unit_price']);

/** Rails writes decimals with at least one decimal place (`300.0`), never in exponent notation. */
function decimalText(value: number): string {
	if (Number.isInteger(value)) return value.toFixed(1);
	const text = String(value);
	return /e/i.test(text) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

function toXmlValue(value: unknown, key = ''): unknown {
	if (value === null || value === undefined) {
		return DECIMAL_FIELDS.has(key) ? { '@_type': 'decimal', '@_nil': 'true' } : { '@_nil': 'true' };
	}
	if (typeof value === 'boolean') return { '#text': String(value), '@_type': 'boolean' };
	if (typeof value === 'number') {
		if (DECIMAL_FIELDS.has(key) || !Number.isInteger(value)) return { '#text': decimalText(value), '@_type': 'decimal' };
		return { '#text': String(value), '@_type': 'integer' };
	}
	if (typeof value === 'string') {
		if (DATE.test(value)) return { '#text': value, '@_type': 'date' };
		if (DATETIME.test(value)) return { '#text': value, '@_type': 'datetime' };
		return value;
	}
	if (typeof value === 'object') {
		const element: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
			element[kebabCase(key)] = toXmlValue(inner, key);
		}
		return element;
	}
	return String(value);
}

/**
 * Encodes `{ root: { snake_keys } }` as Harvest XML with typed attributes. Carriage returns are
 * written `&#13;`: a raw one would reach Harvest as a line feed (XML line-end normalization), and
 * notes must arrive as typed, CRLF included, as they do in JSON.
 */
export function encodeXml(root: string, record: Record<string, unknown>): string {
	const xml = builder.build({ [kebabCase(root)]: toXmlValue(record) }) as string;
	return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.replace(/\r/g, '&#13;')}`;
}
