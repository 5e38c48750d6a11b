import { parseDate, parseDateTime } from '../dates';
import { unprocessable } from '../errors';

/**
 * Reading fields of a request record. JSON clients send numbers as strings (`"tax": "3"` in the
 * seed) and XML sends everything as text unless typed, so each reader accepts both and answers 422
 * naming the field when the value makes no sense. `undefined` means "not sent"; for the nullable
 * readers, `null` means "sent empty", which clears the field.
 */
export type FieldRecord = Record<string, unknown>;

export function has(record: FieldRecord, name: string): boolean {
	return record[name] !== undefined;
}

export function readString(record: FieldRecord, name: string): string | undefined {
	const value = record[name];
	if (value === undefined) return undefined;
	if (value === null) return '';
	if (typeof value === 'object') throw unprocessable(`${label(name)} must be text`);
	return String(value);
}

export function readNumber(record: FieldRecord, name: string): number | null | undefined {
	const value = record[name];
	if (value === undefined) return undefined;
	if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
	if (!Number.isFinite(number)) throw unprocessable(`${label(name)} must be a number`);
	return number;
}

export function readId(record: FieldRecord, name: string): number | undefined {
	const value = record[name];
	if (value === undefined) return undefined;
	const text = value === null ? '' : String(value).trim();
	if (!/^\d+$/.test(text)) throw unprocessable(`${label(name)} must be an id`);
	return Number(text);
}

export function readBoolean(record: FieldRecord, name: string): boolean | undefined {
	const value = record[name];
	if (value === undefined || value === null || value === '') return undefined;
	if (value === true || value === 'true' || value === '1' || value === 1) return true;
	if (value === false || value === 'false' || value === '0' || value === 0) return false;
	throw unprocessable(`${label(name)} must be true or false`);
}

export function readDate(record: FieldRecord, name: string): string | null | undefined {
	const value = readString(record, name);
	if (value === undefined) return undefined;
	if (value.trim() === '') return null;
	const date = parseDate(value.trim().slice(0, 10));
	if (!date || !/^\d{4}-\d{2}-\d{2}($|[T ])/.test(value.trim())) throw unprocessable(`${label(name)} must be a date (YYYY-MM-DD)`);
	return date;
}

export function readDateTime(record: FieldRecord, name: string): string | null | undefined {
	const value = readString(record, name);
	if (value === undefined) return undefined;
	if (value.trim() === '') return null;
	const dateTime = parseDateTime(value);
	if (!dateTime) throw unprocessable(`${label(name)} must be a date or a datetime (YYYY-MM-DDTHH:MM:SSZ)`);
	return dateTime;
}

/** Harvest's messages name fields the way its docs do: `paid-at`, `client-id`. */
function label(name: string): string {
	const text = name.replace(/_/g, '-');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
