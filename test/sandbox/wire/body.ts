import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { ApiError } from '../errors';
import type { WireFormat } from './document';
import { parseJsonBody } from './json';
import { requestFormat } from './negotiate';
import { parseXmlBody, XmlSyntaxError } from './xml';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function readRawBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

export interface ParsedBody {
	format: WireFormat;
	/** The document with snake_case keys, e.g. `{invoice: {client_id: 5}}`; `{}` when there is no body. */
	document: Record<string, unknown>;
}

/** A body that cannot be read is a 400, like Rails' "bad request" for unparsable parameters. */
export function parseRequestBody(raw: string, headers: IncomingHttpHeaders): ParsedBody {
	const format = requestFormat(headers, raw);
	if (raw.trim() === '') return { format, document: {} };
	try {
		const document = format === 'xml' ? parseXmlBody(raw) : parseJsonBody(raw);
		if (document === null || typeof document !== 'object' || Array.isArray(document)) {
			throw new ApiError(400, 'The request body must be an object');
		}
		return { format, document: document as Record<string, unknown> };
	} catch (error) {
		if (error instanceof SyntaxError || error instanceof XmlSyntaxError) {
			throw new ApiError(400, `The request body is not valid ${format.toUpperCase()}: ${error.message}`);
		}
		throw error;
	}
}

/**
 * The record inside the first wrapper present (`{"invoice": {...}}`). Like Harvest (Rails params),
 * a body without the expected wrapper counts as empty: its fields are ignored, not guessed.
 */
export function unwrap(document: Record<string, unknown>, wrappers: readonly string[]): Record<string, unknown> {
	for (const wrapper of wrappers) {
		const inner = document[wrapper];
		if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) return inner as Record<string, unknown>;
	}
	return {};
}
