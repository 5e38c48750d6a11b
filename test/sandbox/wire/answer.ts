import { errorDocument, wire, type WireDocument, type WireFormat } from './document';
import { toJson } from './json';
import { CONTENT_TYPES } from './negotiate';
import { toXml } from './xml';

/** A response ready to be written: the server and the fault injector both work on this. */
export interface HttpAnswer {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export function encodeDocument(document: WireDocument, format: WireFormat): string {
	return format === 'xml' ? toXml(document) : toJson(document);
}

/** A document in the client's format, or an empty body (Harvest's create/update/delete answers). */
export function documentAnswer(
	status: number,
	document: WireDocument | undefined,
	format: WireFormat,
	headers: Record<string, string> = {},
): HttpAnswer {
	return {
		status,
		headers: { 'content-type': CONTENT_TYPES[format], ...headers },
		body: document ? encodeDocument(document, format) : '',
	};
}

export function errorAnswer(status: number, message: string, format: WireFormat, headers: Record<string, string> = {}): HttpAnswer {
	return documentAnswer(status, errorDocument(message), format, headers);
}

/** Harvest's throttle answer: 503, Retry-After in seconds, `{"message": ..., "retry_after": N}`. */
export function throttledAnswer(retryAfterSeconds: number, format: WireFormat): HttpAnswer {
	const document = errorDocument('This request has been throttled.', { retry_after: wire.integer(retryAfterSeconds) });
	return documentAnswer(503, document, format, { 'retry-after': String(retryAfterSeconds) });
}
