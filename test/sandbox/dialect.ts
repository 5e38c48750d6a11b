import type { IncomingHttpHeaders } from 'node:http';
import { authenticate } from './auth';
import type { SandboxContext } from './context';
import type { DemoLogin } from './demoAccount';
import { ApiError } from './errors';
import type { Router } from './router';
import { documentAnswer, errorAnswer, throttledAnswer, type HttpAnswer } from './wire/answer';
import { parseRequestBody, type ParsedBody } from './wire/body';
import type { WireFormat } from './wire/document';
import { responseFormat } from './wire/negotiate';

/** One request as the pipeline hands it to a dialect. */
export interface DialectCall {
	method: string;
	/** Canonical path (router.ts), which routes and fault rules are matched against. */
	path: string;
	url: URL;
	headers: IncomingHttpHeaders;
	format: WireFormat;
	parsed: ParsedBody | ApiError;
}

/**
 * What differs between Harvest v1 (`/...`) and v2 (`/v2/...`) around the same data: body and answer
 * formats, the throttle's answer, auth and routes. The pipeline (server.ts) is shared.
 */
export interface Dialect {
	responseFormat(headers: IncomingHttpHeaders): WireFormat;
	/** The parsed body, or the 400 a body that cannot be read answers (sent after auth). */
	parseBody(raw: string, headers: IncomingHttpHeaders): ParsedBody | ApiError;
	/** Paths that do not count against the rate limit. */
	unthrottled(path: string): boolean;
	throttledAnswer(retryAfterSeconds: number, format: WireFormat): HttpAnswer;
	/** Authenticates, routes and runs the request; `applied` is true when the route ran to success. */
	dispatch(call: DialectCall): { answer: HttpAnswer; applied: boolean };
}

/** Reading the rate limit does not count against it (it is how a client checks where it stands). */
const V1_UNTHROTTLED_PATHS = new Set(['/account/rate_limit_status']);

export function parseBodyOrError(parse: () => ParsedBody): ParsedBody | ApiError {
	try {
		return parse();
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		return error;
	}
}

/** Harvest v1: JSON or XML, Basic or OAuth token, 503 when throttled, 404 when the invoices module is off. */
export function v1Dialect(parts: { router: Router; context: SandboxContext; login: DemoLogin }): Dialect {
	const { router, context, login } = parts;
	return {
		responseFormat,
		parseBody: (raw, headers) => parseBodyOrError(() => parseRequestBody(raw, headers)),
		unthrottled: (path) => V1_UNTHROTTLED_PATHS.has(path),
		throttledAnswer,
		dispatch(call) {
			const auth = authenticate(call.headers, call.url.searchParams, login);
			if (!auth.ok) {
				return { answer: errorAnswer(401, auth.reason, call.format, { 'www-authenticate': 'Basic realm="Harvest"' }), applied: false };
			}
			try {
				const match = router.match(call.method, call.path);
				if (!match) throw new ApiError(404, 'Not found');
				if (match.needsInvoicesModule && !context.invoicesModule) throw new ApiError(404, 'The invoices module is not enabled for this account');
				if (call.parsed instanceof ApiError) throw call.parsed;
				const reply = match.handler({ params: match.params, query: call.url.searchParams, body: call.parsed, sandbox: context });
				const headers: Record<string, string> = reply.location ? { location: reply.location } : {};
				return { answer: documentAnswer(reply.status, reply.document, call.format, headers), applied: true };
			} catch (error) {
				if (error instanceof ApiError) return { answer: errorAnswer(error.status, error.message, call.format), applied: false };
				return { answer: errorAnswer(500, `Sandbox failure: ${error instanceof Error ? error.message : String(error)}`, call.format), applied: false };
			}
		},
	};
}
