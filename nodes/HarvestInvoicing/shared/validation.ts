import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/**
 * Checks made before any request, so bad input gets a message naming the field instead of a
 * Harvest error, and nothing a user typed reaches a URL path unchecked.
 */
export function requireHarvestId(node: INode, field: string, value: unknown, itemIndex?: number): string {
	const text = String(value ?? '').trim();
	if (!/^\d{1,18}$/.test(text) || /^0+$/.test(text)) {
		throw new NodeOperationError(
			node,
			`${field} must be a Harvest ID made of digits only, e.g. 6763297 (got "${text}")`,
			{ itemIndex },
		);
	}
	return text;
}

/** A list of IDs from a multi-select (array) or an expression (array or comma-separated text). */
export function requireHarvestIdList(node: INode, field: string, value: unknown, itemIndex?: number): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts
		.map((part) => String(part ?? '').trim())
		.filter((part) => part !== '')
		.map((part) => requireHarvestId(node, field, part, itemIndex));
}

/** Shows what the user gave in an error without dumping objects. */
function shown(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value instanceof Date) return value.toISOString();
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

/** Dates and date-times as n8n hands them over: ISO text, a JS Date, or a Luxon DateTime from an expression. */
function asDateTimeInput(value: unknown): { text?: string; dateTime?: DateTime } {
	if (DateTime.isDateTime(value)) return { dateTime: value };
	if (value instanceof Date) return { dateTime: DateTime.fromJSDate(value, { zone: 'utc' }) };
	if (typeof value === 'string') return { text: value.trim() };
	return {};
}

/**
 * A calendar date as Harvest writes it (`YYYY-MM-DD`). The date picker hands over a wall-clock
 * date-time (`2026-05-01T00:00:00`, maybe with an offset): the date the user picked is the one
 * written there, so it is taken as written and never shifted through a time zone.
 */
export function requireDate(node: INode, field: string, value: unknown, itemIndex?: number): string {
	const { text, dateTime } = asDateTimeInput(value);
	if (dateTime?.isValid) return dateTime.toISODate() as string;
	const match = text === undefined ? null : /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T ])/.exec(text);
	if (match) {
		const date = DateTime.fromObject({ year: +match[1], month: +match[2], day: +match[3] }, { zone: 'utc' });
		if (date.isValid) return date.toISODate() as string;
	}
	throw new NodeOperationError(
		node,
		`${field} must be a date written YYYY-MM-DD, e.g. 2026-05-01 (got "${shown(value)}")`,
		{ itemIndex },
	);
}

/**
 * A moment as Harvest's `updated_since` filter wants it: UTC, minute precision (`YYYY-MM-DD HH:MM`).
 * Text without an offset is UTC, as Harvest reads the filter: a bare date (`2026-05-01`) is 00:00 UTC
 * that day, whatever the workflow's time zone. An offset (`+02:00`, `Z`) or a date-time from an
 * expression (`{{ $now }}`, which carries its zone) is converted.
 */
export function requireUtcMinute(node: INode, field: string, value: unknown, itemIndex?: number): string {
	const { text, dateTime } = asDateTimeInput(value);
	const parsed = dateTime ?? (text ? DateTime.fromISO(text.replace(' ', 'T'), { zone: 'utc' }) : undefined);
	if (!parsed?.isValid) {
		throw new NodeOperationError(
			node,
			`${field} must be a date, or a date and time in UTC, e.g. 2026-05-01, 2026-05-01T14:30:00 or 2026-05-01T16:30:00+02:00 (got "${shown(value)}")`,
			{ itemIndex },
		);
	}
	return parsed.toUTC().toFormat('yyyy-MM-dd HH:mm');
}

export interface NumberRule {
	min?: number;
	max?: number;
	integer?: boolean;
}

/**
 * A finite number within the rule. Text is accepted with a decimal point only: `1,5` is refused
 * rather than guessed, because Harvest would read a comma as a thousands separator or a new field.
 */
export function requireNumber(node: INode, field: string, value: unknown, rule: NumberRule = {}, itemIndex?: number): number {
	const text = typeof value === 'string' ? value.trim() : undefined;
	const number =
		typeof value === 'number' ? value : text !== undefined && /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
	const bounds = [
		rule.min !== undefined ? `at least ${rule.min}` : undefined,
		rule.max !== undefined ? `at most ${rule.max}` : undefined,
	]
		.filter(Boolean)
		.join(' and ');
	const expected = `${rule.integer ? 'a whole number' : 'a number with a decimal point, e.g. 12.5'}${bounds ? `, ${bounds}` : ''}`;
	const fails =
		!Number.isFinite(number) ||
		(rule.integer === true && !Number.isInteger(number)) ||
		(rule.min !== undefined && number < rule.min) ||
		(rule.max !== undefined && number > rule.max);
	if (fails) {
		throw new NodeOperationError(node, `${field} must be ${expected} (got "${shown(value)}")`, { itemIndex });
	}
	return number;
}

/** Refuses a value that is not one of the documented choices (an expression can produce anything). */
export function requireChoice<T extends string>(
	node: INode,
	field: string,
	value: unknown,
	choices: readonly T[],
	itemIndex?: number,
): T {
	if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
	throw new NodeOperationError(node, `${field} must be one of ${choices.join(', ')} (got "${shown(value)}")`, {
		itemIndex,
	});
}

/** Refuses a range that ends before it starts; both ends are `YYYY-MM-DD` already (absent ends pass). */
export function requireOrderedDates(
	node: INode,
	start: { field: string; value: unknown },
	end: { field: string; value: unknown },
	itemIndex?: number,
): void {
	if (typeof start.value === 'string' && typeof end.value === 'string' && start.value > end.value) {
		throw new NodeOperationError(node, `${end.field} (${end.value}) is before ${start.field} (${start.value})`, {
			itemIndex,
		});
	}
}
