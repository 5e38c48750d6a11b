import type { HttpAnswer } from '../wire/answer';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer; `undefined` writes an empty body (v2's DELETE answers 200 with nothing). */
export function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): HttpAnswer {
	return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: value === undefined ? '' : JSON.stringify(value) };
}

/** v2's error body for validation and lookups: `{"message": "..."}`. */
export function messageAnswer(status: number, message: string): HttpAnswer {
	return jsonAnswer(status, { message });
}

/**
 * v2's throttle answer: 429 with Retry-After, and an HTML page, which is what clients have seen
 * from Harvest's edge (fastruby/harvesting#56): a client must not expect JSON here.
 */
export function throttled429(retryAfterSeconds: number): HttpAnswer {
	return {
		status: 429,
		headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(retryAfterSeconds) },
		body:
			'<!DOCTYPE html>\n<html>\n<head><title>429 Too Many Requests</title></head>\n<body>\n' +
			`<h1>Too Many Requests</h1>\n<p>You have been rate limited. Retry in ${retryAfterSeconds} seconds.</p>\n</body>\n</html>\n`,
	};
}
