/**
 * The demo behind `npm start`: the packed package in a real n8n (the e2e suite's runtime and
 * harness) next to the Harvest sandbox, with a credential, a data table and four example
 * workflows ready, and an owner to sign in with.
 *
 * The sandbox runs in this process: its server is asynchronous and n8n runs as child processes
 * spawned without blocking, so neither waits on the other. Its clock follows real time here (the
 * sandbox's own default is a fixed instant, for reproducible tests), so that "today", due dates and
 * "past due" in the demo agree with the dates n8n shows.
 */
import { mkdtemp, rm } from 'fs/promises';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { startSandbox, type Sandbox } from '../sandbox';
import { sandboxCredential, sandboxV2Credential } from '../e2e/fixtures';
import { freePort } from '../e2e/freePort';
import { N8nInstance, packRepoPackage, type CredentialImport } from '../e2e/n8nInstance';
import { ensureN8nRuntime, runtimeCacheRoot } from '../e2e/n8nRuntime';
import type { N8nServer } from '../e2e/n8nServer';
import { tail } from '../e2e/processes';
import { DEMO_CREDENTIAL, DEMO_OWNER, DEMO_V1_CREDENTIAL, ENV_VARS, PAID_TABLE_NAME, type DemoOptions } from './config';
import { DEMO_FORM_PATH, DEMO_WORKFLOW_IDS, PAID_TABLE_COLUMNS, demoWorkflows } from './workflows';

/** What a running demo offers; printed by start.ts and checked by the test. */
export interface RunningDemo {
	editorUrl: string;
	formUrl: string;
	sandboxUrl: string;
	owner: { email: string; password: string };
	/** The classic API's login (v1) and v2's (account ID, personal access token). */
	sandboxLogin: { subdomain: string; email: string; password: string; accountId: string; personalAccessToken: string };
	/** The v2 credential the example workflows use. */
	credential: { id: string; name: string };
	/** The classic API (v1) credential beside it. */
	v1Credential: { id: string; name: string };
	workflows: Array<{ id: string; name: string; published: boolean }>;
	dataTable: { id: string; name: string };
	/** n8n's throwaway user folder (database, settings, installed package); deleted on stop. */
	userFolder: string;
	/** The credential test n8n ran at start-up, of the v2 credential. */
	credentialTest: { status: string; message: string };
	/** The same for the v1 credential. */
	v1CredentialTest: { status: string; message: string };
}

export class DemoStoppedError extends Error {
	constructor() {
		super('the demo was stopped while it was starting');
	}
}

/** Workflows published at start-up: their triggers (form, polling) run without anyone in the editor. */
const PUBLISHED = new Set<string>([DEMO_WORKFLOW_IDS.formInvoice, DEMO_WORKFLOW_IDS.paidToTable]);

/** What the demo's own API key may do: read and publish workflows, set up and read the data table. */
const API_KEY_SCOPES = [
	'workflow:list',
	'workflow:read',
	'workflow:activate',
	'dataTable:create',
	'dataTable:list',
	'dataTable:read',
	'dataTableRow:read',
];

/**
 * One demo run. `start()` brings everything up; `stop()` may be called at any time, also while
 * `start()` is still working (Ctrl-C during the first install), and takes down whatever exists.
 */
export class DemoSession {
	private sandbox: Sandbox | undefined;
	private instance: N8nInstance | undefined;
	private server: N8nServer | undefined;
	private packDir: string | undefined;
	private readonly timers: NodeJS.Timeout[] = [];
	private stopping: Promise<void> | undefined;

	constructor(
		private readonly options: DemoOptions,
		private readonly log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
	) {}

	async start(): Promise<RunningDemo> {
		// Ports first: finding 5678 taken after minutes of building would be a poor surprise.
		const n8nPort = this.options.n8nPort || (await freePort());
		const sandboxPort = this.options.sandboxPort || (await freePort());
		await requireFreePort(n8nPort, ENV_VARS.n8nPort, 'n8n');
		await requireFreePort(sandboxPort, ENV_VARS.sandboxPort, 'the Harvest sandbox');

		this.log('[demo] building and packing the package (npm run build, npm pack)');
		this.log(
			`[demo] getting n8n 2.41.1 and Node 24 ready in ${runtimeCacheRoot()} ` +
				'(the first run installs them: 3-5 minutes and about 3 GB; later runs reuse them)',
		);
		this.packDir = await mkdtemp(join(tmpdir(), 'harvest-demo-pack-'));
		// Both take a while and neither needs the other; the runtime prints its own progress.
		const [tarball, runtime] = await Promise.all([packRepoPackage(this.packDir), ensureN8nRuntime()]);
		this.checkStopping();

		this.log(`[demo] starting the Harvest sandbox (${this.options.invoices} invoices, seed ${this.options.seed})`);
		this.sandbox = await startSandbox({
			port: sandboxPort,
			invoices: this.options.invoices,
			seed: this.options.seed,
			now: new Date().toISOString(),
		});
		const sandbox = this.sandbox;
		this.timers.push(setInterval(() => sandbox.setClock(new Date().toISOString()), 1000));
		this.checkStopping();

		this.log('[demo] installing the packed package into a fresh n8n user folder');
		this.instance = await N8nInstance.create(runtime);
		await this.instance.installPackage(tarball);
		await rm(this.packDir, { recursive: true, force: true });
		this.packDir = undefined;
		this.checkStopping();

		// v2 is what a new credential speaks, so the workflows use it; the classic one is there to switch to.
		const credential: CredentialImport = { ...sandboxV2Credential(sandbox, DEMO_CREDENTIAL.name), id: DEMO_CREDENTIAL.id };
		const v1Credential: CredentialImport = {
			...sandboxCredential(sandbox, 'json', DEMO_V1_CREDENTIAL.name),
			id: DEMO_V1_CREDENTIAL.id,
		};
		const clients = [...sandbox.store.clients.values()]
			.filter((client) => client.active)
			.map(({ id, name }) => ({ id, name }));
		const workflows = demoWorkflows({ credential, clients, paidTableName: PAID_TABLE_NAME });
		this.log('[demo] importing the Harvest credential and the example workflows');
		await this.instance.importCredentials([credential, v1Credential]);
		await this.instance.importWorkflows(workflows);
		this.checkStopping();

		this.log(`[demo] starting n8n on http://127.0.0.1:${n8nPort}`);
		this.server = await this.instance.startServer({
			port: n8nPort,
			// This module refreshes a list of MCP servers from api.n8n.io: the demo has no use for it, and
			// without it n8n makes no call outside this machine (and logs no failed one where there is no internet).
			env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		});
		if (this.options.echoN8nLog) this.echoN8nLog(this.server);
		this.checkStopping();

		const client = this.server.api;
		await client.setupOwner(DEMO_OWNER);
		await client.login(DEMO_OWNER);
		await client.createApiKey('Harvest Invoicing demo', API_KEY_SCOPES);
		const dataTable = await client.createDataTable(
			PAID_TABLE_NAME,
			PAID_TABLE_COLUMNS.map(({ name, type }) => ({ name, type })),
		);
		for (const id of PUBLISHED) await client.publishWorkflow(id);
		const credentialTest = await client.testStoredCredential(credential.id);
		const v1CredentialTest = await client.testStoredCredential(v1Credential.id);
		for (const [stored, test] of [
			[credential, credentialTest],
			[v1Credential, v1CredentialTest],
		] as const) {
			if (test.status !== 'OK') throw new Error(`n8n's test of the credential "${stored.name}" failed: ${test.message}`);
		}
		this.checkStopping();

		return {
			editorUrl: this.server.url,
			formUrl: `${this.server.url}/form/${DEMO_FORM_PATH}`,
			sandboxUrl: sandbox.url,
			owner: { email: DEMO_OWNER.email, password: DEMO_OWNER.password },
			sandboxLogin: {
				subdomain: sandbox.login.subdomain,
				email: sandbox.login.email,
				password: sandbox.login.password,
				accountId: String(sandbox.login.accountId),
				personalAccessToken: sandbox.login.personalAccessToken,
			},
			credential: { id: credential.id, name: credential.name },
			v1Credential: { id: v1Credential.id, name: v1Credential.name },
			workflows: workflows.map(({ id, name }) => ({ id, name, published: PUBLISHED.has(id) })),
			dataTable: { id: dataTable.id, name: dataTable.name },
			userFolder: this.instance.userFolder,
			credentialTest,
			v1CredentialTest,
		};
	}

	/** Everything n8n printed so far (for error messages). */
	n8nOutput(): string {
		return this.server?.output() ?? '';
	}

	/** Stops n8n (and its task runners) and the sandbox, and deletes the temporary folders. Idempotent. */
	stop(): Promise<void> {
		this.stopping ??= this.stopEverything();
		return this.stopping;
	}

	private async stopEverything(): Promise<void> {
		for (const timer of this.timers) clearInterval(timer);
		// n8n first: it may be in the middle of polling the sandbox.
		await this.instance?.dispose();
		await this.sandbox?.stop();
		if (this.packDir) await rm(this.packDir, { recursive: true, force: true });
	}

	private checkStopping(): void {
		if (this.stopping) throw new DemoStoppedError();
	}

	/** Prints what n8n logs, as it comes (the harness only collects it). */
	private echoN8nLog(server: N8nServer): void {
		let shown = 0;
		this.timers.push(
			setInterval(() => {
				const output = server.output();
				if (output.length > shown) {
					process.stdout.write(output.slice(shown).replace(/^/gm, '[n8n] '));
					shown = output.length;
				}
			}, 500),
		);
	}
}

/** Fails early, with the variable to set, when something already listens on the port. */
async function requireFreePort(port: number, variable: string, what: string): Promise<void> {
	const free = await new Promise<boolean>((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
	if (!free) {
		throw new Error(
			`port ${port} on 127.0.0.1 is in use, so ${what} cannot listen there. ` +
				`Stop whatever uses it or choose another port, e.g. ${variable}=0 for any free one.`,
		);
	}
}

/** The last lines of n8n's output, for a failure message. */
export function n8nOutputTail(session: DemoSession, lines = 30): string {
	return tail(session.n8nOutput(), lines);
}
