import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { headerValue } from './headers';
import { redactSecrets } from './secrets';
import { decodeXml } from './v1/xmlCodec';

export interface HarvestHttpResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** How one API says "throttled" and words its failures: each dialect's `errors` (transport/v1, transport/v2). */
export interface ErrorSpelling {
	/** The status of this API's throttle, the answer that pauses the whole account. */
	throttleStatus: number;
	/** Headlines where this API's meaning of a status differs from the common ones below. */
	summaries?: Record<number, string>;
}

/**
 * For a caller that does not know which API answered: either API's throttle counts (503 here, 429
 * always), as waiting out an outage costs less than hammering a throttle (which extends the lockout).
 */
const EITHER_API: ErrorSpelling = { throttleStatus: 503 };

const SUMMARY: Record<number, string> = {
	400: 'Harvest rejected the request',
	// One wording for both APIs: the credential's fields differ (token on v2, login on v1), and a
	// user should not have to know which API answered to find the field to fix.
	401: 'Harvest refused the credentials: check the Personal Access Token (Harvest API v2), or the email and password or access token (Classic API), in the Harvest Invoicing API credential',
	403: 'This Harvest login is not allowed to do that, or (on Harvest API v2) the Account ID is not one its token can reach',
	404: 'Harvest found no such record, or this login has no permission to see it',
	422: 'Harvest could not accept the data',
	500: 'Harvest had an internal error',
	502: 'Harvest could not be reached through its gateway',
	503: 'Harvest is unavailable or throttling requests',
	429: 'Harvest is throttling requests',
};

/**
 * Harvest's own words from an error body, which may be JSON, XML, plain text or an HTML page, with
 * any secret (see `credentialSecrets`) and Authorization value taken out: servers do echo them.
 */
export function harvestErrorMessage(body: unknown, secrets: readonly string[] = []): string | undefined {
	return redactSecrets(errorText(body), secrets);
}

function errorText(body: unknown): string | undefined {
	if (body === undefined || body === null) return undefined;
	if (typeof body === 'object' && !Buffer.isBuffer(body)) {
		const record = body as IDataObject;
		// v1 and v2 write `message`; v2's sign-in errors write `error` and `error_description`.
		const text = record.error_description ?? record.message ?? record.error ?? record.errors;
		return text === undefined ? undefined : Array.isArray(text) ? text.join('; ') : String(text);
	}
	const text = String(body).trim();
	if (text === '') return undefined;
	if (/^<!doctype html|^<html/i.test(text)) return undefined;
	if (text.startsWith('{') || text.startsWith('[')) {
		try {
			return errorText(JSON.parse(text));
		} catch {
			return undefined;
		}
	}
	if (text.startsWith('<')) {
		try {
			const decoded = decodeXml(text);
			const root = Object.values(decoded)[0];
			if (typeof root === 'object' && root !== null) return errorText(root);
			return typeof root === 'string' && root.trim() ? root.trim() : undefined;
		} catch {
			return undefined;
		}
	}
	return text.length <= 300 ? text : `${text.slice(0, 300)}...`;
}

/** Whether `status` is the throttle of the API that answered (v1: 503, v2: 429; see ErrorSpelling). */
export function isThrottleStatus(status: number, spelling: ErrorSpelling = EITHER_API): boolean {
	// 429 is a refusal for the rate whichever server sends it.
	return status === spelling.throttleStatus || status === 429;
}

/**
 * Seconds Harvest asked us to wait, when the answer is its throttle: `Retry-After` in seconds or
 * as an HTTP-date (counted from the answer's own `Date`, so a skewed local clock does not matter).
 * Undefined when the header is absent or unreadable: the retry then assumes Harvest's window.
 */
export function retryAfterSeconds(response: HarvestHttpResponse, spelling?: ErrorSpelling): number | undefined {
	if (!isThrottleStatus(response.statusCode, spelling)) return undefined;
	const header = headerValue(response.headers, 'retry-after')?.trim();
	if (header === undefined || header === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(header)) return Number(header);
	const until = Date.parse(header);
	if (Number.isNaN(until)) return undefined;
	const sent = Date.parse(headerValue(response.headers, 'date') ?? '');
	return Math.max(0, (until - (Number.isNaN(sent) ? Date.now() : sent)) / 1000);
}

/**
 * Turns a failed Harvest answer into a NodeApiError that says what happened in plain words, with
 * the HTTP status and Harvest's message. Only the status and body are used: request headers
 * (and their credentials) never reach the error, and `secrets` are taken out of what the server
 * sent back.
 */
export function harvestApiError(
	node: INode,
	response: HarvestHttpResponse,
	secrets: readonly string[] = [],
	spelling?: ErrorSpelling,
): NodeApiError {
	const status = response.statusCode;
	const summary = spelling?.summaries?.[status] ?? SUMMARY[status] ?? `Harvest answered with HTTP ${status}`;
	const harvestSays = harvestErrorMessage(response.body, secrets);
	const hint = redactSecrets(headerValue(response.headers, 'hint'), secrets);
	const wait = retryAfterSeconds(response, spelling);
	const details = [harvestSays, hint ? `Hint: ${hint}` : undefined].filter(Boolean).join(' ');
	const error = new NodeApiError(
		node,
		{ statusCode: status, message: harvestSays ?? summary } as JsonObject,
		{
			httpCode: String(status),
			message: `${summary} (HTTP ${status})`,
			description:
				wait !== undefined
					? `Harvest asked to retry after ${wait} seconds.${details ? ` ${details}` : ''}`
					: details || undefined,
		},
	);
	if (wait !== undefined) error.context.retryAfterSeconds = wait;
	if (isThrottleStatus(status, spelling)) {
		error.context.throttled = true;
		// A stated wait, or a 429 (a refusal for the rate by definition), shows Harvest's throttle,
		// which refuses before acting; a bare 503 may be a proxy's, sent after Harvest acted.
		error.context.refusedBeforeActing = wait !== undefined || status === 429;
	}
	return error;
}

export function isHttpFailure(response: HarvestHttpResponse): boolean {
	return response.statusCode >= 400;
}
