import http, { type IncomingHttpHeaders } from 'node:http';
import type { Sandbox } from '../index';

/** A tiny HTTP client for the sandbox tests: raw status, headers and text, nothing hidden. */
export interface ApiResponse {
	status: number;
	headers: IncomingHttpHeaders;
	text: string;
	/** The body parsed as JSON; `any` because tests index into Harvest's answers freely. */
	json(): any;
}

export type AuthMode = 'basic' | 'bearer' | 'query' | 'none';

export interface ClientOptions {
	format?: 'json' | 'xml';
	auth?: AuthMode;
}

export interface RequestOptions {
	body?: unknown;
	headers?: Record<string, string>;
}

export function send(url: string, method: string, options: RequestOptions = {}): Promise<ApiResponse> {
	const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	return new Promise((resolve, reject) => {
		// agent: false, so no keep-alive socket outlives a test file.
		const request = http.request(url, { method, headers: { ...options.headers }, agent: false }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			// A body cut short rejects with what did arrive, as `partialText`.
			const cutShort = (error: Error & { code?: string }) =>
				reject(Object.assign(error, { code: error.code ?? 'ECONNRESET', partialText: Buffer.concat(chunks).toString('utf8') }));
			response.on('error', cutShort);
			response.on('aborted', () => cutShort(new Error('aborted')));
			response.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json: () => JSON.parse(text) });
			});
		});
		request.on('error', reject);
		if (body !== undefined) request.write(body);
		request.end();
	});
}

/** Requests with the demo login, JSON (default) or XML on both Accept and Content-Type, as Harvest expects. */
export function harvest(sandbox: Sandbox, options: ClientOptions = {}) {
	const format = options.format ?? 'json';
	const auth = options.auth ?? 'bearer';
	const mime = format === 'xml' ? 'application/xml' : 'application/json';
	const call = (method: string, path: string, request: RequestOptions = {}) => {
		const headers: Record<string, string> = { Accept: mime, 'Content-Type': mime, 'User-Agent': 'sandbox-tests', ...request.headers };
		let target = `${sandbox.url}${path}`;
		if (auth === 'basic') headers.Authorization = `Basic ${Buffer.from(`${sandbox.login.email}:${sandbox.login.password}`).toString('base64')}`;
		if (auth === 'bearer') headers.Authorization = `Bearer ${sandbox.login.accessToken}`;
		if (auth === 'query') target += `${path.includes('?') ? '&' : '?'}access_token=${sandbox.login.accessToken}`;
		return send(target, method, { body: request.body, headers });
	};
	return {
		get: (path: string, request?: RequestOptions) => call('GET', path, request),
		post: (path: string, body?: unknown, request?: RequestOptions) => call('POST', path, { ...request, body }),
		put: (path: string, body?: unknown, request?: RequestOptions) => call('PUT', path, { ...request, body }),
		delete: (path: string, request?: RequestOptions) => call('DELETE', path, request),
	};
}

export type HarvestClient = ReturnType<typeof harvest>;

/** The id at the end of a Location header (`/invoices/12` -> 12). */
export function idFromLocation(response: ApiResponse): number {
	const location = String(response.headers.location ?? '');
	const match = /\/(\d+)$/.exec(location);
	if (!match) throw new Error(`No id in Location "${location}" (status ${response.status}: ${response.text})`);
	return Number(match[1]);
}
