import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import { headerValue } from './headers';

// Only a body that is markup counts: an empty write answer labelled text/html is still fine.
function isWebPage(response: { headers: IDataObject; body: unknown }): boolean {
	const { body } = response;
	const text = (typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.subarray(0, 200).toString('utf8') : '').trimStart();
	if (/^\uFEFF?(<!doctype html|<html[\s>])/i.test(text)) return true;
	return text.startsWith('<') && /^text\/html\b/i.test(headerValue(response.headers, 'content-type') ?? '');
}

/**
 * A successful answer that is an HTML page (a sign-in page, a captive portal, a proxy's notice)
 * is an error, never read as a record: Harvest's API answers JSON or XML only.
 */
export function refuseWebPage(node: INode, response: { statusCode: number; headers: IDataObject; body: unknown }): void {
	if (!isWebPage(response)) return;
	throw new NodeApiError(node, { message: 'HTML page instead of data' } as JsonObject, {
		httpCode: String(response.statusCode),
		message: `Harvest answered with a web page instead of data (HTTP ${response.statusCode})`,
		description:
			"This is usually a sign-in page or a proxy in front of Harvest: check the Account Subdomain and the Custom Base URL in the credential. Nothing was read from the page.",
	});
}
