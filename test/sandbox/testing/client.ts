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

/** What a client needs of a sandbox: its address and login (an in-process one, or one in another process). */
export type SandboxAddress = Pick<Sandbox, 'url' | 'login'>;

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
export function harvest(sandbox: SandboxAddress, options: ClientOptions = {}) {
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

export interface V2ClientOptions {
	/** Bearer header (default), `?access_token=&account_id=`, or no credentials at all. */
	auth?: 'bearer' | 'query' | 'none';
	/** Default the personal access token. */
	token?: string;
	/** Default the demo account; null sends none. */
	accountId?: string | null;
	/** Default `sandbox-tests (tests@example.com)`; null sends none. */
	userAgent?: string | null;
}

/**
 * Harvest v2 requests with the demo personal access token and account, JSON both ways. Paths are
 * relative to `/v2` (`/invoices`); an absolute URL (a `links.next`) is requested as it is.
 */
export function harvestV2(sandbox: SandboxAddress, options: V2ClientOptions = {}) {
	const auth = options.auth ?? 'bearer';
	const token = options.token ?? sandbox.login.personalAccessToken;
	const accountId = options.accountId === undefined ? sandbox.login.accountId : options.accountId;
	const userAgent = options.userAgent === undefined ? 'sandbox-tests (tests@example.com)' : options.userAgent;
	const call = (method: string, path: string, request: RequestOptions = {}) => {
		const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json', ...request.headers };
		if (userAgent !== null) headers['User-Agent'] = userAgent;
		const url = new URL(/^https?:/.test(path) ? path : `${sandbox.url}/v2${path}`);
		if (auth === 'bearer') {
			headers.Authorization = `Bearer ${token}`;
			if (accountId !== null) headers['Harvest-Account-Id'] = accountId;
		}
		if (auth === 'query') {
			url.searchParams.set('access_token', token);
			if (accountId !== null) url.searchParams.set('account_id', accountId);
		}
		return send(url.toString(), method, { body: request.body, headers });
	};
	return {
		get: (path: string, request?: RequestOptions) => call('GET', path, request),
		post: (path: string, body?: unknown, request?: RequestOptions) => call('POST', path, { ...request, body }),
		patch: (path: string, body?: unknown, request?: RequestOptions) => call('PATCH', path, { ...request, body }),
		delete: (path: string, request?: RequestOptions) => call('DELETE', path, request),
	};
}

export type HarvestV2Client = ReturnType<typeof harvestV2>;

/** Follows `links.next` from `path` to the end; every record of `key`, in the order read, and the pages seen. */
export async function walkV2(client: HarvestV2Client, path: string, key: string): Promise<{ records: any[]; pages: any[] }> {
	const records: any[] = [];
	const pages: any[] = [];
	let next: string | null = path;
	while (next !== null) {
		const response = await client.get(next);
		if (response.status !== 200) throw new Error(`GET ${next}: ${response.status} ${response.text}`);
		const page = response.json();
		pages.push(page);
		records.push(...page[key]);
		if (pages.length > 1000) throw new Error('links.next never ends');
		next = page.links.next;
	}
	return { records, pages };
}
