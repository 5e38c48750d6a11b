import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dialect, DialectCall } from './dialect';
import { ApiError } from './errors';
import { standInAnswer, writeAnswer, writeFault } from './faultResponses';
import type { FaultRule, FaultRules } from './faults';
import { loggableBody, loggableHeaders, loggableQuery, type RequestLog } from './requestLog';
import type { RequestHooks } from './requestHooks';
import { canonicalPath } from './router';
import type { Throttle } from './throttle';
import { errorAnswer, type HttpAnswer } from './wire/answer';
import { readRawBody } from './wire/body';

export const CONTROL_PREFIX = '/__sandbox';

/** Harvest v2 lives beside v1 under this prefix (`/v2/invoices`), over the same data. */
export const V2_PREFIX = '/v2';

export interface ServerParts {
	/** v1 answers every path outside `/v2/`. */
	v1: Dialect;
	v2: Dialect;
	log: RequestLog;
	faults: FaultRules;
	throttle: Throttle;
	/** Test code run between computing an answer and sending it (requestHooks.ts). */
	hooks: RequestHooks;
	/** The sandbox clock: every answer's `Date` header tells it, as Harvest's tells its own time. */
	now: () => Date;
	/** Answers `/__sandbox/...`: no auth, no throttle, no log, no faults. */
	control: (request: IncomingMessage, response: ServerResponse, url: URL, body: string) => void;
}

/**
 * The HTTP side: one pipeline per request.
 *   control route? -> control.ts
 *   log -> throttle -> fault (before) -> auth -> route -> fault (after) -> write
 * The dialect (v1, or v2 under `/v2/`) decides formats, auth, routes and the throttle's answer.
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
		response.setHeader('Date', this.parts.now().toUTCString());
		const path = canonicalPath(url.pathname);
		const dialect = path === V2_PREFIX || path.startsWith(`${V2_PREFIX}/`) ? this.parts.v2 : this.parts.v1;
		const format = dialect.responseFormat(request.headers);
		const parsed = dialect.parseBody(raw, request.headers);
		const entry = {
			receivedAt: new Date().toISOString(),
			method,
			path: url.pathname,
			query: loggableQuery(url.searchParams),
			headers: loggableHeaders(request.headers),
			body: parsed instanceof ApiError ? raw : raw === '' ? null : loggableBody(parsed.document),
		};
		const call = { method, path, url, headers: request.headers, format, parsed };
		const { status, fault, applied } = await this.respond(request, response, dialect, call, url.pathname);
		this.parts.log.add({ ...entry, status, applied, ...(fault ? { fault: fault.kind } : {}) });
	}

	private async respond(
		request: IncomingMessage,
		response: ServerResponse,
		dialect: Dialect,
		call: DialectCall,
		rawPath: string,
	): Promise<{ status: number; fault?: FaultRule; applied: boolean }> {
		if (!dialect.unthrottled(call.path)) {
			const verdict = this.parts.throttle.check();
			if (!verdict.allowed) return { status: writeAnswer(response, dialect.throttledAnswer(verdict.retryAfterSeconds, call.format)), applied: false };
		}
		const fault = this.parts.faults.take(call.method, call.path, rawPath);
		const before = (fault?.phase ?? 'before') === 'before';
		if (fault?.kind === 'slow') {
			// Before: the request waits, then runs. After: it runs at once and only the answer waits,
			// which is the write a client gives up on although it was applied.
			if (before) await this.delay(fault.delayMs ?? 1000);
			const { answer, applied } = dialect.dispatch(call);
			await this.parts.hooks.run(call.method, call.path, rawPath, call.url.searchParams);
			if (!before) await this.delay(fault.delayMs ?? 1000);
			return { status: writeAnswer(response, answer), fault, applied };
		}
		if (fault?.kind === 'trickle') {
			// Like Harvest's slow days: the request runs, only its answer crawls back.
			const { answer, applied } = dialect.dispatch(call);
			await this.parts.hooks.run(call.method, call.path, rawPath, call.url.searchParams);
			return { status: await this.trickle(response, answer, fault.delayMs ?? 1000), fault, applied };
		}
		const throttled = (seconds: number) => dialect.throttledAnswer(seconds, call.format);
		if (fault && before) {
			return { status: writeFault(response, fault, standInAnswer(call.format), call.format, request.headers, throttled), fault, applied: false };
		}
		const { answer, applied } = dialect.dispatch(call);
		await this.parts.hooks.run(call.method, call.path, rawPath, call.url.searchParams);
		if (fault) return { status: writeFault(response, fault, answer, call.format, request.headers, throttled), fault, applied };
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
}
