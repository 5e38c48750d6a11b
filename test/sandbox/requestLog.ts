import type { IncomingHttpHeaders } from 'node:http';
import type { FaultKind } from './faults';

/** One API request as the sandbox saw it; credentials are never part of it. */
export interface LoggedRequest {
	/** 1, 2, 3... in arrival order. */
	seq: number;
	/** Real time the request arrived (ISO 8601). */
	receivedAt: string;
	method: string;
	/** The path as sent (not canonicalized), without the query string. */
	path: string;
	/** Query parameters without `access_token`; a repeated parameter gives an array. */
	query: Record<string, string | string[]>;
	/** Lower-case header names, without `authorization`, `proxy-authorization` and `cookie`. */
	headers: Record<string, string>;
	/** The parsed body (snake_case keys), the raw text when it could not be parsed, null when empty. */
	body: unknown;
	/** The status sent, 0 when the connection was reset without an answer. */
	status: number;
	/** Set when a fault rule answered (or delayed) this request. */
	fault?: FaultKind;
	/** False when the request did not reach the data (throttled, refused, or a `before` fault). */
	applied: boolean;
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_QUERY = new Set(['access_token']);
const SECRET_BODY_KEY = /password|secret|token/i;

/** A demo sandbox may run for hours: the log keeps the latest entries only. */
const MAX_ENTRIES = 10_000;

export class RequestLog {
	private entries: LoggedRequest[] = [];
	private nextSeq = 1;

	add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
		const logged = { seq: this.nextSeq++, ...entry };
		this.entries.push(logged);
		if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
		return logged;
	}

	/** A copy, so that a test holding it is not surprised by later requests. */
	all(): LoggedRequest[] {
		return this.entries.map((entry) => ({ ...entry }));
	}

	clear(): void {
		this.entries = [];
	}
}

export function loggableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || SECRET_HEADERS.has(name.toLowerCase())) continue;
		result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return result;
}

export function loggableQuery(query: URLSearchParams): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const [name, value] of query) {
		if (SECRET_QUERY.has(name)) continue;
		const existing = result[name];
		result[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return result;
}

/** Bodies carry no credentials in Harvest's API, but a confused client might send some: drop them. */
export function loggableBody(body: unknown): unknown {
	if (Array.isArray(body)) return body.map(loggableBody);
	if (body !== null && typeof body === 'object') {
		return Object.fromEntries(
			Object.entries(body)
				.filter(([key]) => !SECRET_BODY_KEY.test(key))
				.map(([key, value]) => [key, loggableBody(value)]),
		);
	}
	return body;
}
