import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth';
import type { SandboxContext } from './context';
import type { DemoLogin } from './demoAccount';
import { ApiError } from './errors';
import { standInAnswer, writeAnswer, writeFault } from './faultResponses';
import type { FaultRule, FaultRules } from './faults';
import { loggableBody, loggableHeaders, loggableQuery, type RequestLog } from './requestLog';
import type { RequestHooks } from './requestHooks';
import { canonicalPath, type Router } from './router';
import type { Throttle } from './throttle';
import { documentAnswer, errorAnswer, throttledAnswer, type HttpAnswer } from './wire/answer';
import { parseRequestBody, readRawBody, type ParsedBody } from './wire/body';
import type { WireFormat } from './wire/document';
import { responseFormat } from './wire/negotiate';

export const CONTROL_PREFIX = '/__sandbox';

/** Reading the rate limit does not count against it (it is how a client checks where it stands). */
const UNTHROTTLED_PATHS = new Set(['/account/rate_limit_status']);

export interface ServerParts {
	router: Router;
	context: SandboxContext;
	login: DemoLogin;
	log: RequestLog;
	faults: FaultRules;
	throttle: Throttle;
	/** Test code run between computing an answer and sending it (requestHooks.ts). */
	hooks: RequestHooks;
	/** Answers `/__sandbox/...`: no auth, no throttle, no log, no faults. */
	control: (request: IncomingMessage, response: ServerResponse, url: URL, body: string) => void;
}

/**
 * The HTTP side: one pipeline per request.
 *   control route? -> control.ts
 *   log -> throttle -> fault (before) -> auth -> route -> fault (after) -> write
 * Bound to 127.0.0.1 only. `stop()` closes every connection and pending timer, so a test run
 * ends without open handles.
 */
export class SandboxServer {
	private readonly server: http.Server;
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(private readonly parts: ServerParts) {
		this.server = http.createServer((request, response) => {
			this.handle(request, response).catch((error: unknown) => {
				if (!response.headersSent) writeAnswer(response, errorAnswer(500, `Sandbox failure: ${String(error)}`, 'json'));
				else response.destroy();
			});
		});
	}

	listen(port: number): Promise<number> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => {
				this.server.off('error', reject);
				resolve((this.server.address() as AddressInfo).port);
			});
		});
	}

	async close(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		await closed;
	}

	private delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const raw = await readRawBody(request);
		if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
			this.parts.control(request, response, url, raw);
			return;
		}
		const method = (request.method ?? 'GET').toUpperCase();
		const path = canonicalPath(url.pathname);
		const format = responseFormat(request.headers);
		let parsed: ParsedBody | ApiError;
		try {
			parsed = parseRequestBody(raw, request.headers);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			parsed = error;
		}
		const entry = {
			receivedAt: new Date().toISOString(),
			method,
			path: url.pathname,
			query: loggableQuery(url.searchParams),
			headers: loggableHeaders(request.headers),
			body: parsed instanceof ApiError ? raw : raw === '' ? null : loggableBody(parsed.document),
		};
		const { status, fault, applied } = await this.respond(request, response, { method, path, rawPath: url.pathname, url, format, parsed });
		this.parts.log.add({ ...entry, status, applied, ...(fault ? { fault: fault.kind } : {}) });
	}

	private async respond(
		request: IncomingMessage,
		response: ServerResponse,
		call: { method: string; path: string; rawPath: string; url: URL; format: WireFormat; parsed: ParsedBody | ApiError },
	): Promise<{ status: number; fault?: FaultRule; applied: boolean }> {
		if (!UNTHROTTLED_PATHS.has(call.path)) {
			const verdict = this.parts.throttle.check();
			if (!verdict.allowed) return { status: writeAnswer(response, throttledAnswer(verdict.retryAfterSeconds, call.format)), applied: false };
		}
		const fault = this.parts.faults.take(call.method, call.path, call.rawPath);
		const before = (fault?.phase ?? 'before') === 'before';
		if (fault?.kind === 'slow') {
			// Before: the request waits, then runs. After: it runs at once and only the answer waits,
			// which is the write a client gives up on although it was applied.
			if (before) await this.delay(fault.delayMs ?? 1000);
			const { answer, applied } = this.dispatch(request, call);
			await this.parts.hooks.run(call.method, call.path, call.rawPath);
			if (!before) await this.delay(fault.delayMs ?? 1000);
			return { status: writeAnswer(response, answer), fault, applied };
		}
		if (fault?.kind === 'trickle') {
			// Like Harvest's slow days: the request runs, only its answer crawls back.
			const { answer, applied } = this.dispatch(request, call);
			await this.parts.hooks.run(call.method, call.path, call.rawPath);
			return { status: await this.trickle(response, answer, fault.delayMs ?? 1000), fault, applied };
		}
		if (fault && before) return { status: writeFault(response, fault, standInAnswer(call.format), call.format, request.headers), fault, applied: false };
		const { answer, applied } = this.dispatch(request, call);
		await this.parts.hooks.run(call.method, call.path, call.rawPath);
		if (fault) return { status: writeFault(response, fault, answer, call.format, request.headers), fault, applied };
		return { status: writeAnswer(response, answer), applied };
	}

	/** Status and headers now, then the body in 8-byte chunks `intervalMs` apart (a client's idle timer never fires). */
	private async trickle(response: ServerResponse, answer: HttpAnswer, intervalMs: number): Promise<number> {
		const bytes = Buffer.from(answer.body || ' ');
		response.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) });
		for (let offset = 0; offset + 8 < bytes.length; offset += 8) {
			if (response.destroyed) return answer.status;
			response.write(bytes.subarray(offset, offset + 8));
			await this.delay(intervalMs);
		}
		response.end(bytes.subarray(Math.floor((bytes.length - 1) / 8) * 8));
		return answer.status;
	}

	/** Authenticates, routes and runs the request; `applied` is true when the route ran to success. */
	private dispatch(
		request: IncomingMessage,
		call: { method: string; path: string; url: URL; format: WireFormat; parsed: ParsedBody | ApiError },
	): { answer: HttpAnswer; applied: boolean } {
		const { context, login, router } = this.parts;
		const auth = authenticate(request.headers, call.url.searchParams, login);
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
	}
}
