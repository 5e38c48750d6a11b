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

const SUMMARY: Record<number, string> = {
	400: 'Harvest rejected the request',
	401: 'Harvest refused the credentials: check the email and password, or the access token, in the Harvest Invoicing API credential',
	403: 'This Harvest login is not allowed to do that',
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

/** Seconds Harvest asked us to wait, when the answer is its throttle (v1: 503, v2: 429, + Retry-After). */
export function retryAfterSeconds(response: HarvestHttpResponse): number | undefined {
	if (response.statusCode !== 503 && response.statusCode !== 429) return undefined;
	const header = headerValue(response.headers, 'retry-after');
	if (header === undefined) return undefined;
	const seconds = Number.parseFloat(header);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * Turns a failed Harvest answer into a NodeApiError that says what happened in plain words, with
 * the HTTP status and Harvest's message. Only the status and body are used: request headers
 * (and their credentials) never reach the error, and `secrets` are taken out of what the server
 * sent back.
 */
export function harvestApiError(node: INode, response: HarvestHttpResponse, secrets: readonly string[] = []): NodeApiError {
	const status = response.statusCode;
	const summary = SUMMARY[status] ?? `Harvest answered with HTTP ${status}`;
	const harvestSays = harvestErrorMessage(response.body, secrets);
	const hint = redactSecrets(headerValue(response.headers, 'hint'), secrets);
	const wait = retryAfterSeconds(response);
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
	return error;
}

export function isHttpFailure(response: HarvestHttpResponse): boolean {
	return response.statusCode >= 400;
}
