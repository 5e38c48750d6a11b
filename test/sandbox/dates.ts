/**
 * Date helpers in UTC. Harvest writes dates as `YYYY-MM-DD` and datetimes as `YYYY-MM-DDTHH:MM:SSZ`;
 * both sort correctly as strings, which is why the store keeps them as strings.
 */
const DAY_MS = 86_400_000;

export function formatDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function formatDateTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

export function addDays(date: string, days: number): string {
	return formatDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/** Accepts `YYYY-MM-DD` (and `YYYYMMDD`, used by the list filters); null when it is not a real date. */
export function parseDate(text: string): string | null {
	const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
	if (!match) return null;
	const date = `${match[1]}-${match[2]}-${match[3]}`;
	const ms = Date.parse(`${date}T00:00:00Z`);
	return Number.isNaN(ms) || formatDate(ms) !== date ? null : date;
}

/**
 * Accepts a date or a datetime (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, ISO 8601 with `T` and an
 * optional zone; no zone means UTC) and returns it as a Harvest datetime, or null.
 */
export function parseDateTime(text: string): string | null {
	const trimmed = text.trim();
	const dateOnly = parseDate(trimmed);
	if (dateOnly && trimmed.includes('-')) return `${dateOnly}T00:00:00Z`;
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(trimmed);
	if (!match || !parseDate(match[1])) return null;
	const ms = Date.parse(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`);
	return Number.isNaN(ms) ? null : formatDateTime(ms);
}

export const DAY_IN_MS = DAY_MS;
