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

/** Encodes `{ root: { snake_keys } }` as Harvest XML with typed attributes. */
export function encodeXml(root: string, record: Record<string, unknown>): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [kebabCase(root)]: toXmlValue(record) })}`;
}
