import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { headerValue } from './headers';

/**
 * The largest answer read. Harvest's largest (a page of 50 invoices, or one invoice with hundreds
 * of line items) is well under 1 MB; anything near this is not Harvest talking.
 */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

const MAX_SHOWN = `${MAX_RESPONSE_BYTES / 1024 / 1024} MB`;

function declaredLength(headers: IDataObject | undefined): number | undefined {
	const length = Number(headerValue(headers, 'content-length') ?? NaN);
	return Number.isFinite(length) ? length : undefined;
}

/** Bytes of the answer: as announced, or measured when it came without a length (chunked). */
function answerSize(response: { headers: IDataObject; body: unknown }): number {
	const { body } = response;
	if (body === undefined || body === null) return 0;
	const declared = declaredLength(response.headers);
	if (declared !== undefined) return declared;
	if (typeof body === 'string' || Buffer.isBuffer(body)) return Buffer.byteLength(body);
	// Already parsed JSON: its text again is about the size it had on the wire.
	return Buffer.byteLength(JSON.stringify(body) ?? '');
}

/**
 * Refuses an answer over MAX_RESPONSE_BYTES before it is decoded, so no item, error text or
 * workflow memory is built from it. (n8n reads the body before the node sees it; this bounds
 * everything after that.)
 */
export function refuseOversizedAnswer(node: INode, response: { statusCode: number; headers: IDataObject; body: unknown }): void {
	const size = answerSize(response);
	if (size <= MAX_RESPONSE_BYTES) return;
	throw new NodeApiError(node, { message: `Answer of ${size} bytes` } as JsonObject, {
		httpCode: String(response.statusCode),
		message: `Harvest sent an answer larger than ${MAX_SHOWN}, which is not read (HTTP ${response.statusCode})`,
		description: `It was ${(size / 1024 / 1024).toFixed(1)} MB; Harvest's own answers are far smaller, so this usually comes from a proxy or the wrong Custom Base URL in the credential.`,
	});
}
