import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isRecord, type WireDocument, type WireRecord, type WireScalar, type WireValue } from './document';
import { snakeCase } from './json';
import { formatDecimal } from './numbers';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Harvest's XML (Rails `to_xml`): kebab-case elements, `type` attributes for everything that is not a
 * string, `nil="true"` for null, `type="array"` on list roots, decimals written `100.0`.
 */
export function toXml(document: WireDocument): string {
	switch (document.shape) {
		case 'one':
		case 'bare':
			return DECLARATION + element(document.xmlRoot, document.record, '');
		case 'list': {
			const items = document.records.map((record) => element(document.xmlItem, record, '  ')).join('');
			return `${DECLARATION}<${kebab(document.xmlRoot)} type="array">\n${items}</${kebab(document.xmlRoot)}>\n`;
		}
	}
}

function element(name: string, value: WireValue, indent: string): string {
	const tag = kebab(name);
	if (isRecord(value)) return `${indent}<${tag}>\n${children(value, indent + '  ')}${indent}</${tag}>\n`;
	return `${indent}${scalarElement(tag, value)}\n`;
}

function children(record: WireRecord, indent: string): string {
	return Object.entries(record.fields)
		.map(([name, value]) => element(name, value, indent))
		.join('');
}

function scalarElement(tag: string, scalar: WireScalar): string {
	const typeAttribute = scalar.type === 'string' ? '' : ` type="${scalar.type}"`;
	if (scalar.value === null) return `<${tag}${typeAttribute} nil="true"/>`;
	const text = scalar.type === 'decimal' && typeof scalar.value === 'number' ? formatDecimal(scalar.value) : String(scalar.value);
	return `<${tag}${typeAttribute}>${escapeText(text)}</${tag}>`;
}

function kebab(name: string): string {
	return name.replace(/_/g, '-');
}

/** A carriage return is written as a reference: a raw one would be read back as a line feed. */
function escapeText(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export class XmlSyntaxError extends Error {}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	preserveOrder: true,
	// Numeric character references (`&#13;`) are XML; fast-xml-parser reads them only with this.
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
});

/**
 * Request bodies in XML, as a plain object with snake_case keys: `{invoice: {client_id: 5, ...}}`.
 * Typed attributes become values (`integer`/`decimal` numbers, `boolean`s, `nil="true"` null,
 * `type="array"` lists); untyped elements keep their text exactly (`csv-line-items` needs its line ends).
 */
export function parseXmlBody(text: string): Record<string, unknown> {
	const validation = XMLValidator.validate(text);
	if (validation !== true) throw new XmlSyntaxError(validation.err.msg);
	const nodes = parser.parse(text) as OrderedNode[];
	const root = nodes.find((node) => elementName(node) !== undefined);
	if (!root) throw new XmlSyntaxError('The XML body has no root element');
	const name = elementName(root) as string;
	return { [snakeCase(name)]: nodeValue(root, name) };
}

function elementName(node: OrderedNode): string | undefined {
	return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#comment');
}

function nodeValue(node: OrderedNode, name: string): unknown {
	const attributes = node[':@'] ?? {};
	const content = (node[name] as OrderedNode[]) ?? [];
	if (attributes.nil === 'true') return null;
	const elements = content.filter((child) => elementName(child) !== undefined);
	if (attributes.type === 'array') return elements.map((child) => nodeValue(child, elementName(child) as string));
	if (elements.length > 0) {
		const result: Record<string, unknown> = {};
		for (const child of elements) {
			const childName = elementName(child) as string;
			result[snakeCase(childName)] = nodeValue(child, childName);
		}
		return result;
	}
	const textContent = content.map((child) => (child['#text'] === undefined ? '' : String(child['#text']))).join('');
	return typedText(textContent, attributes.type);
}

function typedText(text: string, type: string | undefined): unknown {
	const trimmed = text.trim();
	switch (type) {
		case 'integer':
		case 'decimal':
		case 'float':
			return trimmed === '' ? null : Number(trimmed);
		case 'boolean':
			return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
		case 'date':
		case 'datetime':
		case 'dateTime':
			return trimmed;
		default:
			return text;
	}
}
