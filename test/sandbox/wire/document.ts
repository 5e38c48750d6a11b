/**
 * A response described once and written as JSON or XML by `json.ts` / `xml.ts`. Each value carries
 * its Harvest type, because XML needs it (`type="decimal"`, `nil="true"`) and JSON needs it to
 * decide between a number and a string. Field names are snake_case; XML turns them into kebab-case.
 */

export type ScalarType = 'integer' | 'decimal' | 'boolean' | 'date' | 'dateTime' | 'string';

export interface WireScalar {
	type: ScalarType;
	value: string | number | boolean | null;
}

/** Field order is kept: the seeds' order is what the sandbox writes. */
export interface WireRecord {
	fields: Record<string, WireValue>;
}

export type WireValue = WireScalar | WireRecord;

export type WireDocument =
	/** JSON `{"invoice": {...}}`, XML `<invoice>...</invoice>`. */
	| { shape: 'one'; jsonKey: string; xmlRoot: string; record: WireRecord }
	/** JSON `[{"invoices": {...}}, ...]`, XML `<invoices type="array"><invoice>...</invoice></invoices>`. */
	| { shape: 'list'; jsonKey: string; xmlRoot: string; xmlItem: string; records: WireRecord[] }
	/** JSON `{...}` without wrapper, XML `<hash>...</hash>` (who_am_i, rate_limit_status, errors). */
	| { shape: 'bare'; xmlRoot: string; record: WireRecord };

export const wire = {
	integer: (value: number | null): WireScalar => ({ type: 'integer', value }),
	decimal: (value: number | null): WireScalar => ({ type: 'decimal', value }),
	boolean: (value: boolean | null): WireScalar => ({ type: 'boolean', value }),
	date: (value: string | null): WireScalar => ({ type: 'date', value }),
	dateTime: (value: string | null): WireScalar => ({ type: 'dateTime', value }),
	string: (value: string | null): WireScalar => ({ type: 'string', value }),
	record: (fields: Record<string, WireValue>): WireRecord => ({ fields }),
};

export function isRecord(value: WireValue): value is WireRecord {
	return 'fields' in value;
}

export function oneDocument(jsonKey: string, xmlRoot: string, record: WireRecord): WireDocument {
	return { shape: 'one', jsonKey, xmlRoot, record };
}

export function listDocument(jsonKey: string, xmlRoot: string, xmlItem: string, records: WireRecord[]): WireDocument {
	return { shape: 'list', jsonKey, xmlRoot, xmlItem, records };
}

export function bareDocument(xmlRoot: string, record: WireRecord): WireDocument {
	return { shape: 'bare', xmlRoot, record };
}

/** The error body: `{"message": "..."}` / `<error><message>...</message></error>`, plus extra fields. */
export function errorDocument(message: string, extra: Record<string, WireValue> = {}): WireDocument {
	return bareDocument('error', wire.record({ message: wire.string(message), ...extra }));
}

export type WireFormat = 'json' | 'xml';
