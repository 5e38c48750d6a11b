import { isRecord, type WireDocument, type WireRecord, type WireValue } from './document';

/** Harvest's JSON: numbers for integers and decimals (`100`, not `100.0`), strings for dates, null for nil. */
export function toJson(document: WireDocument): string {
	switch (document.shape) {
		case 'one':
			return JSON.stringify({ [document.jsonKey]: plain(document.record) });
		case 'list':
			return JSON.stringify(document.records.map((record) => ({ [document.jsonKey]: plain(record) })));
		case 'bare':
			return JSON.stringify(plain(document.record));
	}
}

function plain(record: WireRecord): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record.fields)) result[name] = plainValue(value);
	return result;
}

function plainValue(value: WireValue): unknown {
	return isRecord(value) ? plain(value) : value.value;
}

/** Request bodies: JSON with keys in snake_case or kebab-case; both become snake_case. */
export function parseJsonBody(text: string): unknown {
	return snakeKeys(JSON.parse(text));
}

export function snakeCase(name: string): string {
	return name.replace(/-/g, '_');
}

function snakeKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(snakeKeys);
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, inner]) => [snakeCase(key), snakeKeys(inner)]));
	}
	return value;
}
