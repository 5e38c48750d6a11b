/**
 * `n8n start` as a server for the tests, with what they ask of it: owner setup and login on the
 * internal REST API, then a public API key for `/api/v1/...` (executions of polling triggers are
 * only visible there). The HTTP calls themselves are `N8nClient`'s.
 */
import type { RunData } from './executionOutput';
import { N8nClient, type OwnerAccount } from './n8nClient';
import { startProcess, tail, type BackgroundProcess } from './processes';

export type { OwnerAccount } from './n8nClient';

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
	/** The REST and public API of this server, logged in once setupOwnerAndApiKey() ran. */
	readonly api: N8nClient;

	private constructor(
		readonly url: string,
		private readonly child: BackgroundProcess,
	) {
		this.api = new N8nClient(url);
	}

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
		await this.api.setupOwner(owner);
		await this.login(owner);
		await this.createApiKey(scopes);
	}

	async login(owner: OwnerAccount = E2E_OWNER): Promise<void> {
		await this.api.login(owner);
	}

	/** Creates a public API key with these scopes and uses it for later public API calls. */
	async createApiKey(scopes: string[], label = 'e2e tests'): Promise<string> {
		return await this.api.createApiKey(label, scopes);
	}

	/** Every node type the running n8n loaded (needs a login). */
	async nodeTypes(): Promise<TypeDescription[]> {
		return (await this.api.rest('GET', '/types/nodes.json')) as TypeDescription[];
	}

	/** Every credential type the running n8n loaded (needs a login). */
	async credentialTypes(): Promise<TypeDescription[]> {
		return (await this.api.rest('GET', '/types/credentials.json')) as TypeDescription[];
	}

	/** Executions, newest first, through the public API. */
	async listExecutions(query: ExecutionQuery = {}): Promise<PublicExecution[]> {
		const params = new URLSearchParams();
		if (query.workflowId) params.set('workflowId', query.workflowId);
		if (query.status) params.set('status', query.status);
		if (query.includeData !== undefined) params.set('includeData', String(query.includeData));
		params.set('limit', String(query.limit ?? 100));
		const body = (await this.api.publicApi('GET', `/api/v1/executions?${params}`)) as { data: PublicExecution[] };
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
}
