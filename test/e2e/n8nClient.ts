/**
 * The HTTP calls a person (or a script) makes against a running n8n, for the e2e tests and the
 * demo alike: the internal REST API the editor uses (cookie login, `{ data }` envelopes) and the
 * public API (`X-N8N-API-KEY`). It needs only the URL, so it also works against an n8n started by
 * another process (the demo's test).
 */
import { randomUUID } from 'crypto';

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A stored credential as `GET /rest/credentials/:id?includeData=true` returns it (secrets redacted). */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data?: Record<string, unknown>;
}

/** What `POST /rest/credentials/test` answers. */
export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** A workflow as the public API lists it (only the fields the demo reads). */
export interface PublicWorkflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<{
		name: string;
		type: string;
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
	}>;
}

export interface DataTable {
	id: string;
	name: string;
	columns?: Array<{ name: string; type: string }>;
}

export class N8nHttpError extends Error {
	constructor(
		readonly what: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${what} answered ${status}: ${body.slice(0, 500)}`);
	}
}

export class N8nClient {
	/** n8n binds its auth cookie to the browser id it was issued with: every REST call sends the same one. */
	private readonly browserId = randomUUID();
	private authCookie: string | undefined;
	private apiKey: string | undefined;

	constructor(readonly url: string) {}

	/** Claims a fresh instance: the first user set up becomes its owner. */
	async setupOwner(owner: OwnerAccount): Promise<void> {
		await this.rest('POST', '/rest/owner/setup', owner);
	}

	async login(owner: Pick<OwnerAccount, 'email' | 'password'>): Promise<void> {
		await this.rest('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	}

	/** Creates a public API key for the logged-in user and uses it for later public API calls. */
	async createApiKey(label: string, scopes: string[]): Promise<string> {
		const created = (await this.rest('POST', '/rest/api-keys', { label, scopes, expiresAt: null })) as { rawApiKey?: string };
		if (!created.rawApiKey) throw new Error('n8n created an API key but did not return it');
		this.apiKey = created.rawApiKey;
		return created.rawApiKey;
	}

	async listCredentials(): Promise<StoredCredential[]> {
		return (await this.rest('GET', '/rest/credentials')) as StoredCredential[];
	}

	/**
	 * Tests a stored credential the way the editor's "Retest" button does (n8n 2.41.1,
	 * CredentialsController `POST /rest/credentials/test`, body TestCredentialRequestDto
	 * `{ credentials: { id, name, type, data } }`). The editor sends the data it read with
	 * `includeData=true`, where secrets are redacted; n8n puts the stored secrets back in
	 * (CredentialsService.prepareCredentialsForTest) before it runs the credential type's test.
	 */
	async testStoredCredential(id: string): Promise<CredentialTestResult> {
		const stored = (await this.rest('GET', `/rest/credentials/${encodeURIComponent(id)}?includeData=true`)) as StoredCredential;
		const credentials = { id: stored.id, name: stored.name, type: stored.type, data: stored.data ?? {} };
		return (await this.rest('POST', '/rest/credentials/test', { credentials })) as CredentialTestResult;
	}

	async listWorkflows(): Promise<PublicWorkflow[]> {
		const workflows: PublicWorkflow[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ limit: '100' });
			if (cursor) query.set('cursor', cursor);
			const page = (await this.publicApi('GET', `/api/v1/workflows?${query}`)) as { data: PublicWorkflow[]; nextCursor?: string | null };
			workflows.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return workflows;
	}

	/** Publishes (n8n 1.x: activates) a workflow: its triggers start listening or polling. */
	async publishWorkflow(id: string): Promise<void> {
		await this.publicApi('POST', `/api/v1/workflows/${encodeURIComponent(id)}/publish`, {});
	}

	async listDataTables(): Promise<DataTable[]> {
		const page = (await this.publicApi('GET', '/api/v1/data-tables?limit=100')) as { data: DataTable[] };
		return page.data;
	}

	async createDataTable(name: string, columns: Array<{ name: string; type: 'string' | 'number' | 'boolean' | 'date' | 'json' }>): Promise<DataTable> {
		return (await this.publicApi('POST', '/api/v1/data-tables', { name, columns })) as DataTable;
	}

	async dataTableRows(id: string): Promise<Array<Record<string, unknown>>> {
		const page = (await this.publicApi('GET', `/api/v1/data-tables/${encodeURIComponent(id)}/rows?limit=100`)) as {
			data: Array<Record<string, unknown>>;
		};
		return page.data;
	}

	/** The internal REST API as the editor calls it: cookie auth, answers under /rest wrapped in `{ data }`. */
	async rest(method: Method, path: string, body?: unknown): Promise<unknown> {
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
		return path.startsWith('/rest/') ? (parsed as { data?: unknown } | undefined)?.data : parsed;
	}

	async publicApi(method: Method, path: string, body?: unknown): Promise<unknown> {
		if (!this.apiKey) throw new Error('no API key yet: call createApiKey() first');
		const headers: Record<string, string> = { 'X-N8N-API-KEY': this.apiKey, Accept: 'application/json' };
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return await readJson(response, `${method} ${path}`);
	}
}

async function readJson(response: Response, what: string): Promise<unknown> {
	const text = await response.text();
	if (!response.ok) throw new N8nHttpError(what, response.status, text);
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new Error(`${what} answered non-JSON: ${text.slice(0, 200)}`);
	}
}
