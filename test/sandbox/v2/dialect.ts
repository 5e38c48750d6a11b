import type { SandboxContext } from '../context';
import type { DemoLogin } from '../demoAccount';
import { parseBodyOrError, type Dialect } from '../dialect';
import { ApiError } from '../errors';
import type { ParsedBody } from '../wire/body';
import { jsonAnswer, messageAnswer, throttled429 } from './answers';
import { authenticateV2 } from './auth';
import type { V2Router } from './route';

/**
 * Harvest v2 under `/v2/`: JSON only (an XML or form body is a 415), v2 auth, 429 when throttled
 * (the budget is v1's, shared), and 403 on invoice routes when the invoices module is off (v2 reports
 * features per account in /company, and refuses what the account cannot use rather than hiding it).
 */
export function v2Dialect(parts: { router: V2Router; context: SandboxContext; login: DemoLogin; origin: () => string }): Dialect {
	const { router, context, login, origin } = parts;
	return {
		responseFormat: () => 'json',
		parseBody: (raw, headers) => parseBodyOrError(() => parseJson(raw, headers['content-type'])),
		unthrottled: () => false,
		throttledAnswer: (seconds) => throttled429(seconds),
		dispatch(call) {
			const auth = authenticateV2(call.headers, call.url.searchParams, login);
			if (!auth.ok) return { answer: jsonAnswer(auth.status, auth.body), applied: false };
			try {
				const match = router.match(call.method, call.path);
				if (!match) throw new ApiError(404, 'Not found');
				if (match.needsInvoicesModule && !context.invoicesModule) {
					throw new ApiError(403, 'The invoices feature is not enabled for this account (see invoice_feature in /v2/company)');
				}
				if (call.parsed instanceof ApiError) throw call.parsed;
				const reply = match.handler({
					params: match.params, query: call.url.searchParams, body: call.parsed.document, sandbox: context, origin: origin(), path: call.path,
				});
				return { answer: jsonAnswer(reply.status, reply.json), applied: true };
			} catch (error) {
				if (error instanceof ApiError) return { answer: messageAnswer(error.status, error.message), applied: false };
				return { answer: messageAnswer(500, `Sandbox failure: ${error instanceof Error ? error.message : String(error)}`), applied: false };
			}
		},
	};
}

function parseJson(raw: string, contentType: string | undefined): ParsedBody {
	if (raw.trim() === '') return { format: 'json', document: {} };
	if (contentType && !contentType.toLowerCase().includes('json')) {
		throw new ApiError(415, `The v2 sandbox takes JSON bodies only (Content-Type: application/json), not ${contentType}`);
	}
	let document: unknown;
	try {
		document = JSON.parse(raw);
	} catch (error) {
		throw new ApiError(400, `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
	}
	if (document === null || typeof document !== 'object' || Array.isArray(document)) throw new ApiError(400, 'The request body must be a JSON object');
	return { format: 'json', document: document as Record<string, unknown> };
}
