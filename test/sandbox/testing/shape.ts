import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * Shapes to compare a sandbox answer with a seed example: field names in order, value types and
 * wrappers, ignoring the values themselves.
 */
export function fixture(name: string): string {
	return readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
}

export type JsonShape = string | JsonShape[] | { [key: string]: JsonShape };

/** `null` stays 'null' (the seed does not say the type); arrays are described by their first entry. */
export function jsonShape(value: unknown): JsonShape {
	if (value === null) return 'null';
	if (Array.isArray(value)) return value.length === 0 ? [] : [jsonShape(value[0])];
	if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, jsonShape(inner)]));
	return typeof value;
}

/**
 * Differences between a seed shape and an actual one, as readable lines (empty when they agree).
 * A null in the seed accepts null or any scalar; anything else must have the same type. With
 * `subset`, the actual value may have more fields (older seeds list fewer).
 */
export function compareJsonShapes(seed: JsonShape, actual: JsonShape, subset = false, at = '$'): string[] {
	if (seed === 'null') return typeof actual === 'string' ? [] : [`${at}: seed null, got ${JSON.stringify(actual)}`];
	if (typeof seed === 'string') return seed === actual ? [] : [`${at}: seed ${seed}, got ${JSON.stringify(actual)}`];
	if (Array.isArray(seed)) {
		if (!Array.isArray(actual)) return [`${at}: seed array, got ${JSON.stringify(actual)}`];
		if (seed.length === 0 || actual.length === 0) return [`${at}: an empty array cannot be compared`];
		return compareJsonShapes(seed[0], actual[0], subset, `${at}[0]`);
	}
	if (typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: seed object, got ${JSON.stringify(actual)}`];
	const problems: string[] = [];
	const seedKeys = Object.keys(seed);
	const actualKeys = Object.keys(actual);
	if (subset) {
		for (const key of seedKeys) if (!actualKeys.includes(key)) problems.push(`${at}.${key}: missing`);
	} else if (seedKeys.join(',') !== actualKeys.join(',')) {
		problems.push(`${at}: keys differ\n  seed:   ${seedKeys.join(',')}\n  actual: ${actualKeys.join(',')}`);
	}
	for (const key of seedKeys) if (key in actual) problems.push(...compareJsonShapes(seed[key], actual[key], subset, `${at}.${key}`));
	return problems;
}

export interface XmlShape {
	name: string;
	type?: string;
	nil: boolean;
	children: XmlShape[];
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, ignoreDeclaration: true, parseTagValue: false });

export function xmlShape(xml: string): XmlShape {
	const nodes = parser.parse(xml) as OrderedNode[];
	const root = nodes.find((node) => elementName(node));
	if (!root) throw new Error('No root element');
	return toShape(root);
}

function elementName(node: OrderedNode): string | undefined {
	return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

function toShape(node: OrderedNode): XmlShape {
	const name = elementName(node) as string;
	const attributes = node[':@'] ?? {};
	const children = ((node[name] as OrderedNode[]) ?? []).filter((child) => elementName(child)).map(toShape);
	return { name, type: attributes.type, nil: attributes.nil === 'true', children };
}

/**
 * Same rules for XML: element names in order, `type` attributes equal (the 2008 seeds write
 * `datetime` where later ones write `dateTime`: `looseDateTime` accepts either), and a seed element
 * that is not nil must not be nil in the answer. Lists are compared by their first entry.
 */
export function compareXmlShapes(seed: XmlShape, actual: XmlShape, options: { subset?: boolean; looseDateTime?: boolean } = {}, at = ''): string[] {
	const path = `${at}/${seed.name}`;
	const problems: string[] = [];
	if (seed.name !== actual.name) return [`${path}: element ${actual.name} instead`];
	const sameType = options.looseDateTime ? seed.type?.toLowerCase() === actual.type?.toLowerCase() : seed.type === actual.type;
	if (!sameType) problems.push(`${path}: type ${String(seed.type)} in the seed, ${String(actual.type)} here`);
	if (!seed.nil && actual.nil) problems.push(`${path}: nil here, not in the seed`);
	if (seed.type === 'array') {
		if (seed.children.length === 0 || actual.children.length === 0) return [...problems, `${path}: an empty array cannot be compared`];
		return [...problems, ...compareXmlShapes(seed.children[0], actual.children[0], options, path)];
	}
	const seedNames = seed.children.map((child) => child.name);
	const actualNames = actual.children.map((child) => child.name);
	if (options.subset) {
		for (const name of seedNames) if (!actualNames.includes(name)) problems.push(`${path}/${name}: missing`);
	} else if (seedNames.join(',') !== actualNames.join(',')) {
		problems.push(`${path}: children differ\n  seed:   ${seedNames.join(',')}\n  actual: ${actualNames.join(',')}`);
	}
	for (const child of seed.children) {
		const match = actual.children.find((candidate) => candidate.name === child.name);
		if (match) problems.push(...compareXmlShapes(child, match, options, path));
	}
	return problems;
}

/** Typed XML values written the way the seeds write them: `100.0`, `2015-04-22`, `2015-04-21T18:41:58Z`. */
const TYPED_TEXT: Record<string, RegExp> = {
	integer: /^-?\d+$/,
	decimal: /^-?\d+\.\d+$/,
	boolean: /^(true|false)$/,
	date: /^\d{4}-\d{2}-\d{2}$/,
	dateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
};

export function xmlValueProblems(xml: string): string[] {
	const problems: string[] = [];
	for (const match of xml.matchAll(/<([\w-]+) type="(\w+)">([^<]*)<\/\1>/g)) {
		const [, name, type, text] = match;
		const pattern = TYPED_TEXT[type];
		if (!pattern) problems.push(`<${name}>: unexpected type ${type}`);
		else if (!pattern.test(text)) problems.push(`<${name} type="${type}">${text}: not written like the seeds`);
	}
	return problems;
}
