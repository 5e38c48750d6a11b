import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRule } from './faults';
import type { SandboxOptions } from './options';
import type { Sandbox } from './sandbox';
import type { ThrottleSettings } from './throttle';

/**
 * The control interface over HTTP, for tests that run the sandbox in another process (n8n e2e).
 * Not part of Harvest's API: JSON only, no auth, never logged, throttled or faulted.
 *
 *   GET    /__sandbox                   summary: url, now, login, counts, throttle, faults
 *   POST   /__sandbox/reset             body: SandboxOptions without port (all optional)
 *   POST   /__sandbox/seed              body: {seed?, invoices?}; replaces the data only
 *   GET    /__sandbox/clock             {now}
 *   POST   /__sandbox/clock             body: {advanceMs} or {now: ISO instant}
 *   GET    /__sandbox/faults            the rules in force
 *   POST   /__sandbox/faults            body: a FaultRule (path as a string pattern)
 *   DELETE /__sandbox/faults
 *   GET    /__sandbox/requests          the request log
 *   DELETE /__sandbox/requests
 *   GET    /__sandbox/throttle          {throttle: {limit, windowSeconds} | false}
 *   PUT    /__sandbox/throttle          body: {limit, windowSeconds} or false
 *   PUT    /__sandbox/invoices-module   body: {enabled: boolean}
 */
export function handleControlRequest(sandbox: Sandbox, request: IncomingMessage, response: ServerResponse, url: URL, rawBody: string): void {
	try {
		const body = rawBody.trim() === '' ? undefined : (JSON.parse(rawBody) as unknown);
		const route = `${request.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
		const result = runControl(sandbox, route, body);
		if (result === undefined) send(response, 404, { message: `No control route ${route}` });
		else send(response, route.startsWith('POST /__sandbox/faults') ? 201 : 200, result);
	} catch (error) {
		send(response, 400, { message: error instanceof Error ? error.message : String(error) });
	}
}

function runControl(sandbox: Sandbox, route: string, body: unknown): unknown {
	switch (route) {
		case 'GET /__sandbox':
			return {
				url: sandbox.url,
				now: sandbox.now().toISOString(),
				login: sandbox.login,
				invoices: sandbox.store.invoices.size,
				throttle: sandbox.throttle(),
				faults: sandbox.faults(),
			};
		case 'POST /__sandbox/reset':
			sandbox.reset(objectBody(body) as SandboxOptions);
			return { ok: true, now: sandbox.now().toISOString() };
		case 'POST /__sandbox/seed':
			sandbox.seed(objectBody(body) as { seed?: number; invoices?: number });
			return { ok: true, invoices: sandbox.store.invoices.size };
		case 'GET /__sandbox/clock':
			return { now: sandbox.now().toISOString() };
		case 'POST /__sandbox/clock': {
			const { advanceMs, now } = objectBody(body) as { advanceMs?: number; now?: string };
			if (typeof now === 'string') sandbox.setClock(now);
			else if (typeof advanceMs === 'number') sandbox.advanceClock(advanceMs);
			else throw new Error('Send {"advanceMs": N} or {"now": "2026-06-15T12:00:00Z"}');
			return { now: sandbox.now().toISOString() };
		}
		case 'GET /__sandbox/faults':
			return sandbox.faults().map(serializableRule);
		case 'POST /__sandbox/faults':
			sandbox.setFault(objectBody(body) as unknown as FaultRule);
			return { ok: true, faults: sandbox.faults().map(serializableRule) };
		case 'DELETE /__sandbox/faults':
			sandbox.clearFaults();
			return { ok: true };
		case 'GET /__sandbox/requests':
			return sandbox.requests();
		case 'DELETE /__sandbox/requests':
			sandbox.clearRequests();
			return { ok: true };
		case 'GET /__sandbox/throttle':
			return { throttle: sandbox.throttle() };
		case 'PUT /__sandbox/throttle':
			sandbox.setThrottle(body === false ? false : (objectBody(body) as unknown as ThrottleSettings));
			return { throttle: sandbox.throttle() };
		case 'PUT /__sandbox/invoices-module': {
			const { enabled } = objectBody(body) as { enabled?: unknown };
			if (typeof enabled !== 'boolean') throw new Error('Send {"enabled": true|false}');
			sandbox.setInvoicesModule(enabled);
			return { ok: true, enabled };
		}
		default:
			return undefined;
	}
}

function objectBody(body: unknown): Record<string, unknown> {
	if (body === undefined) return {};
	if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('The body must be a JSON object');
	return body as Record<string, unknown>;
}

function serializableRule(rule: FaultRule): Record<string, unknown> {
	return { ...rule, ...(rule.path instanceof RegExp ? { path: String(rule.path) } : {}) };
}

function send(response: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
	response.end(text);
}
