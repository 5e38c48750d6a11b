import type { IncomingHttpHeaders } from 'node:http';
import type { WireFormat } from './document';

/**
 * Harvest expects `Accept` and `Content-Type` to agree. The answer follows `Accept`; when it names
 * neither format, `Content-Type` decides, and JSON is the fallback.
 */
export function responseFormat(headers: IncomingHttpHeaders): WireFormat {
	return formatOf(headers.accept) ?? formatOf(headers['content-type']) ?? 'json';
}

/** The request body follows `Content-Type`; without one, a body starting with `<` is XML. */
export function requestFormat(headers: IncomingHttpHeaders, body: string): WireFormat {
	return formatOf(headers['content-type']) ?? (body.trimStart().startsWith('<') ? 'xml' : 'json');
}

function formatOf(header: string | undefined): WireFormat | undefined {
	if (!header) return undefined;
	const value = header.toLowerCase();
	if (value.includes('xml')) return 'xml';
	if (value.includes('json')) return 'json';
	return undefined;
}

export const CONTENT_TYPES: Record<WireFormat, string> = {
	json: 'application/json; charset=utf-8',
	xml: 'application/xml; charset=utf-8',
};
