/**
 * `n8n start` as a server for the tests, and the HTTP calls a person (or a script) makes against
 * it: owner setup and login on the internal REST API, then a public API key for
 * `/api/v1/...` (executions of polling triggers are only visible there).
 */
import { randomUUID } from 'crypto';

import type { RunData } from './executionOutput';
import { startProcess, tail, type BackgroundProcess } from './processes';

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** n8n's password rules: 8+ characters, a digit and an upper-case letter. */
export const E2E_OWNER: Readonly<OwnerAccount> = Object.freeze({
	email: 'owner@e2e.test',
	firstName: 'E2e',
	lastName: 'Owner',
	password: 'E2e-owner-passw0rd',
});

/** Reading executions and workflows is all the tests do through the public API. */
export const DEFAULT_API_KEY_SCOPES = ['execution:list', 'execution:read', 'workflow:list', 'workflow:read'];

/** One execution as `GET /api/v1/executions` returns it. */
export interface PublicExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	/** Present with includeData=true. */
	data?: RunData;
}

export interface ExecutionQuery {
	workflowId?: string;
	status?: 'success' | 'error' | 'waiting' | 'canceled' | 'running';
	includeData?: boolean;
	limit?: number;
}

/** What `/types/nodes.json` and `/types/credentials.json` list; only the names are read. */
export interface TypeDescription {
	name: string;
	displayName?: string;
	version?: number | number[];
}

const READY_TIMEOUT_MS = 120_000;

export class N8nServer {
	/** Sent on every REST call: n8n binds the auth cookie to the browser id it was issued with. */
	private readonly browserId = randomUUID();
	private authCookie: string | undefined;
	private apiKey: string | undefined;

	private constructor(
		readonly url: string,
		private readonly child: BackgroundProcess,
	) {}

	/** Starts `n8n start` and resolves once `/healthz/readiness` answers 200. */
	static async start(command: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<N8nServer> {
		const server = new N8nServer(`http://127.0.0.1:${port}`, startProcess(command, args, { env }));
		try {
			await server.waitUntilReady();
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	/** Everything the server printed so far (for failure messages). */
	output(): string {
		return this.child.output();
	}

	async stop(): Promise<void> {
		await this.child.stop();
	}

	private async waitUntilReady(): Promise<void> {
		const deadline = Date.now() + READY_TIMEOUT_MS;
		let exited = false;
		void this.child.exited.then(() => (exited = true));
		while (Date.now() < deadline) {
			if (exited) throw new Error(`n8n start exited before it was ready:\n${tail(this.output())}`);
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.status === 200) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n was not ready after ${READY_TIMEOUT_MS} ms:\n${tail(this.output())}`);
	}

	/** Claims the instance (the first user becomes its owner), logs in, and creates an API key. */
	async setupOwnerAndApiKey(owner: OwnerAccount = E2E_OWNER, scopes = DEFAULT_API_KEY_SCOPES): Promise<void> {
		await this.rest('POST', '/rest/owner/setup', owner);
		await this.login(owner);
		await this.createApiKey(scopes);
	}

	async login(owner: OwnerAccount = E2E_OWNER): Promise<void> {
		await this.rest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	}

	/** Creates a public API key with these scopes and uses it for later public API calls. */
	async createApiKey(scopes: string[], label = 'e2e tests'): Promise<string> {
		const created = (await this.rest('POST', '/rest/api-keys', { label, scopes, expiresAt: null })) as {
			rawApiKey?: string;
		};
		if (!created.rawApiKey) throw new Error('n8n created an API key but did not return it');
		this.apiKey = created.rawApiKey;
		return created.rawApiKey;
	}

	/** Every node type the running n8n loaded (needs a login). */
	async nodeTypes(): Promise<TypeDescription[]> {
		return (await this.rest('GET', '/types/nodes.json')) as TypeDescription[];
	}

	/** Every credential type the running n8n loaded (needs a login). */
	async credentialTypes(): Promise<TypeDescription[]> {
		return (await this.rest('GET', '/types/credentials.json')) as TypeDescription[];
	}

	/** Executions, newest first, through the public API. */
	async listExecutions(query: ExecutionQuery = {}): Promise<PublicExecution[]> {
		const params = new URLSearchParams();
		if (query.workflowId) params.set('workflowId', query.workflowId);
		if (query.status) params.set('status', query.status);
		if (query.includeData !== undefined) params.set('includeData', String(query.includeData));
		params.set('limit', String(query.limit ?? 100));
		const body = (await this.publicApi(`/api/v1/executions?${params}`)) as { data: PublicExecution[] };
		return body.data;
	}

	/** Polls the public API until some executions satisfy `done`; returns them. */
	async waitForExecutions(
		query: ExecutionQuery,
		done: (executions: PublicExecution[]) => boolean,
		timeoutMs = 120_000,
	): Promise<PublicExecution[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const executions = await this.listExecutions(query);
			if (done(executions)) return executions;
			if (Date.now() > deadline) {
				throw new Error(
					`executions did not reach the expected state in ${timeoutMs} ms; last seen: ${JSON.stringify(
						executions.map(({ id, status, mode }) => ({ id, status, mode })),
					)}\n${tail(this.output())}`,
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}

	private async publicApi(path: string): Promise<unknown> {
		if (!this.apiKey) throw new Error('no API key yet: call setupOwnerAndApiKey() first');
		const response = await fetch(`${this.url}${path}`, { headers: { 'X-N8N-API-KEY': this.apiKey, Accept: 'application/json' } });
		return await readJson(response, `GET ${path}`);
	}

	/** The internal REST API as the editor calls it: cookie auth, `{ data }` envelopes. */
	private async rest(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
		const headers: Record<string, string> = { 'browser-id': this.browserId, Accept: 'application/json' };
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		if (this.authCookie) headers.Cookie = this.authCookie;
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const cookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (cookie) this.authCookie = cookie.split(';')[0];
		const parsed = await readJson(response, `${method} ${path}`);
		// /types/*.json are plain files; everything under /rest wraps its answer in { data }.
		return path.startsWith('/rest/') ? (parsed as { data: unknown }).data : parsed;
	}
}

async function readJson(response: Response, what: string): Promise<unknown> {
	const text = await response.text();
	if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 500)}`);
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new Error(`${what} answered non-JSON: ${text.slice(0, 200)}`);
	}
}
