import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

const HARVEST_DATE_TIME = "yyyy-MM-dd'T'HH:mm:ss'Z'";

function parse(value: unknown): DateTime | undefined {
	if (DateTime.isDateTime(value)) return value;
	if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' });
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	// setZone keeps the offset the text carries, so the wall clock below is the one written.
	const options = { zone: 'utc', setZone: true };
	const iso = DateTime.fromISO(value.trim(), options);
	return iso.isValid ? iso : DateTime.fromSQL(value.trim(), options);
}

/**
 * A date-time for a Harvest field that is really a day, such as a payment's `paid-at` (Harvest
 * itself stores `2015-04-24T00:00:00Z`). The wall clock the user picked or wrote is kept and sent
 * as Harvest writes it: `2026-06-15`, `2026-06-15T00:00:00` and `{{ $today }}` (midnight with
 * the workflow's offset) all become `2026-06-15T00:00:00Z`. Converting through a time zone
 * instead would move a payment made at midnight in Berlin to the day before.
 */
export function requireWallClockDateTime(node: INode, field: string, value: unknown, itemIndex?: number): string {
	const parsed = parse(value);
	if (!parsed?.isValid) {
		const shown = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
		throw new NodeOperationError(
			node,
			`${field} must be a date or a date and time, e.g. 2026-06-15 or 2026-06-15T09:30:00 (got "${shown}")`,
			{ itemIndex },
		);
	}
	return parsed.toFormat(HARVEST_DATE_TIME);
}
