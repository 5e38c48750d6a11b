import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Harvest v1 XML: kebab-case element names, values typed by a `type` attribute, `nil="true"` for
 * null, and `type="array"` on list elements. Decoding yields the same plain values the JSON
 * dialect carries (snake_case keys, numbers, booleans, null), so everything after the codec is
 * format-blind.
 */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	// Keep text exactly as sent: message bodies start and end with line breaks that JSON keeps too.
	trimValues: false,
	processEntities: true,
	// For numeric character references (`&#13;`): a carriage return can only travel as one, since
	// XML turns a raw one into a line feed. (This also reads the few HTML names such as `&nbsp;`.)
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
});

const snakeCase = (name: string) => name.replace(/-/g, '_');
const kebabCase = (name: string) => name.replace(/_/g, '-');

function tagOf(node: OrderedNode): string | undefined {
	return Object.keys(node).find((key) => key !== ':@');
}

function typedValue(text: string, type: string | undefined): unknown {
	switch (type) {
		case 'integer':
			return text.trim() === '' ? null : Number.parseInt(text, 10);
		case 'decimal':
		case 'float':
			return text.trim() === '' ? null : Number(text);
		case 'boolean':
			return text.trim() === 'true';
		default:
			return text;
	}
}

function convertElement(node: OrderedNode): unknown {
	const tag = tagOf(node) as string;
	const attributes = node[':@'] ?? {};
	const children = (node[tag] as OrderedNode[]) ?? [];
	if (attributes.nil === 'true') return null;
	const elements = children.filter((child) => tagOf(child) !== '#text');
	if (attributes.type === 'array') return elements.map(convertElement);
	if (elements.length > 0) {
		const record: Record<string, unknown> = {};
		for (const element of elements) record[snakeCase(tagOf(element) as string)] = convertElement(element);
		return record;
	}
	const text = children.map((child) => String(child['#text'] ?? '')).join('');
	return typedValue(text, attributes.type);
}

/** Decodes an XML document into `{ [root_name]: value }`, mirroring the JSON wrapper shape. */
export function decodeXml(xml: string): Record<string, unknown> {
	// Harvest never sends a DOCTYPE; one can define entities that expand a small answer into
	// hundreds of megabytes, so such a document is not parsed at all.
	if (/<!DOCTYPE/i.test(xml)) {
		throw new Error('it declares a DOCTYPE, which Harvest never sends; it is not read, since its entities could expand it to any size');
	}
	// The parser is lenient and would read a truncated or damaged document as a smaller record;
	// a broken answer must be an error, never a silently partial item.
	const validation = XMLValidator.validate(xml);
	if (validation !== true) {
		throw new Error(`malformed XML at line ${validation.err.line}: ${validation.err.msg}`);
	}
	const document = parser.parse(xml) as OrderedNode[];
	const root = document.find((node) => {
		const tag = tagOf(node);
		return tag !== undefined && tag !== '#text' && !tag.startsWith('?');
	});
	if (!root) throw new Error('The XML response has no root element');
	return { [snakeCase(tagOf(root) as string)]: convertElement(root) };
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

/** Fields Harvest types as decimals (`<amount type="decimal">300.0</amount>` in the seeds), whole or not. */
const DECIMAL_FIELDS: ReadonlySet<string> = new Set(['amount', 'tax', 'tax2', 'discount']);

/** `300` -> `300.0`, as Rails writes a whole decimal; others as JavaScript writes them. */
const decimalText = (value: number) => (Number.isInteger(value) ? value.toFixed(1) : String(value));

function toXmlValue(value: unknown, key?: string): unknown {
	const decimal = key !== undefined && DECIMAL_FIELDS.has(key);
	if (value === null || value === undefined) return decimal ? { '@_type': 'decimal', '@_nil': 'true' } : { '@_nil': 'true' };
	if (typeof value === 'boolean') return { '#text': String(value), '@_type': 'boolean' };
	if (typeof value === 'number') {
		if (decimal) return { '#text': decimalText(value), '@_type': 'decimal' };
		return { '#text': String(value), '@_type': Number.isInteger(value) ? 'integer' : 'decimal' };
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
