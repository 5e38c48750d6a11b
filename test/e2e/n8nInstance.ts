/**
 * One throwaway n8n installation: a user folder under the OS temp dir (its own SQLite database,
 * settings and community nodes), the CLI commands run against it, and the servers started on it.
 * `dispose()` stops every process it started and deletes the folder.
 */
import { randomBytes } from 'crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { parseExecuteOutput, runError, type ExecutionRun } from './executionOutput';
import { freePort } from './freePort';
import { n8nEnv } from './n8nEnv';
import { cleanEnv, ensureN8nRuntime, type N8nRuntime } from './n8nRuntime';
import { packRepoPackage } from './packPackage';
import { N8nServer } from './n8nServer';
import { runChecked, runProcess, tail, type RunResult } from './processes';

export { packRepoPackage } from './packPackage';

/** One entry of the array `n8n import:credentials` reads; `data` in clear, n8n encrypts it. */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	/** Settings > On Error; n8n's default (stop the workflow) when absent. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

/** What `n8n import:workflow` reads (one object or an array of them). */
export interface WorkflowImport {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings?: Record<string, unknown>;
	active?: boolean;
}

/** The outcome of `n8n execute`: the parsed run when n8n printed one, and what it printed. */
export interface CliExecution {
	exitCode: number | null;
	run: ExecutionRun | undefined;
	/** The run's error in one line, when it failed. */
	error: string | undefined;
	output: string;
}

export interface StartServerOptions {
	/** The port `n8n start` listens on; a free one when not given. */
	port?: number;
	/** Extra environment variables for the server, applied over the headless defaults. */
	env?: NodeJS.ProcessEnv;
}

/** What several n8n processes of one setup share (queue mode: a main and its workers). */
export interface InstanceOptions {
	/** Applied over the headless defaults for every process of this instance (CLI, servers, workers). */
	env?: NodeJS.ProcessEnv;
	/** Processes that share a database must share its encryption key; a random one when not given. */
	encryptionKey?: string;
}

const CLI_TIMEOUT_MS = 5 * 60_000;

export class N8nInstance {
	private readonly servers = new Set<N8nServer>();
	private importCount = 0;
	/** Folders made for this instance (e.g. the packed tarball's) that dispose() removes too. */
	private readonly ownedDirs: string[] = [];

	private constructor(
		readonly runtime: N8nRuntime,
		/** N8N_USER_FOLDER: n8n keeps everything under `<userFolder>/.n8n`. */
		readonly userFolder: string,
		/** N8N_ENCRYPTION_KEY of every process of this instance (a worker needs the main's). */
		readonly encryptionKey: string,
		private readonly extraEnv: NodeJS.ProcessEnv = {},
	) {}

	/**
	 * What every suite starts from: the runtime (installed on first use), the checkout built and
	 * packed, and a fresh n8n user folder with the tarball installed as n8n installs community nodes.
	 */
	static async withPackage(options: InstanceOptions = {}): Promise<N8nInstance> {
		const runtime = await ensureN8nRuntime();
		const packDir = await mkdtemp(join(tmpdir(), 'harvest-e2e-pack-'));
		try {
			const tarball = await packRepoPackage(packDir);
			const n8n = await N8nInstance.create(runtime, options);
			n8n.ownedDirs.push(packDir);
			await n8n.installPackage(tarball);
			return n8n;
		} catch (error) {
			await rm(packDir, { recursive: true, force: true });
			throw error;
		}
	}

	static async create(runtime: N8nRuntime, options: InstanceOptions = {}): Promise<N8nInstance> {
		const userFolder = await mkdtemp(join(tmpdir(), 'n8n-e2e-'));
		await mkdir(join(userFolder, 'tmp'));
		return new N8nInstance(runtime, userFolder, options.encryptionKey ?? randomBytes(24).toString('hex'), options.env);
	}

	/**
	 * A fresh user folder with this packed tarball installed: queue mode's main and worker each load
	 * the package from their own folder, so the suite packs once and installs twice.
	 */
	static async withTarball(runtime: N8nRuntime, tarball: string, options: InstanceOptions = {}): Promise<N8nInstance> {
		const n8n = await N8nInstance.create(runtime, options);
		try {
			await n8n.installPackage(tarball);
		} catch (error) {
			await n8n.dispose();
			throw error;
		}
		return n8n;
	}

	/** Where n8n installs community packages (`<nodesDir>/node_modules/<name>`) and loads them from. */
	get nodesDir(): string {
		return join(this.userFolder, '.n8n', 'nodes');
	}

	/**
	 * Installs a packed community package the way n8n's own installer does: into the nodes folder,
	 * no install scripts, no dev or peer dependencies (n8n provides n8n-workflow at run time).
	 */
	async installPackage(tarball: string): Promise<void> {
		await mkdir(this.nodesDir, { recursive: true });
		// n8n writes this package.json itself on first start; writing it first keeps npm from
		// walking up the tree to some other project's package.json.
		await writeFile(join(this.nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		await runChecked('npm', ['install', '--ignore-scripts', '--omit=peer', '--omit=dev', '--no-audit', '--no-fund', tarball], {
			cwd: this.nodesDir,
			env: cleanEnv(),
			timeoutMs: CLI_TIMEOUT_MS,
		});
	}

	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = await this.writeImportFile('credentials', credentials);
		await this.cliChecked(['import:credentials', `--input=${file}`], /Successfully imported \d+ credential/);
	}

	async importWorkflows(workflows: WorkflowImport[]): Promise<void> {
		const file = await this.writeImportFile('workflows', workflows);
		await this.cliChecked(['import:workflow', `--input=${file}`], /Successfully imported \d+ workflow/);
	}

	/** Marks the workflow's current version active; a server started afterwards runs its triggers. */
	async publishWorkflow(id: string): Promise<void> {
		// It says nothing about success; this note is printed only after the database was updated.
		await this.cliChecked(['publish:workflow', `--id=${id}`], /Changes will not take effect if n8n is running/);
	}

	/**
	 * Runs the workflow once from its Manual Trigger (`n8n execute --id`) and parses the run it
	 * prints. Asynchronous on purpose: the Harvest sandbox may be served by this very process.
	 */
	async execute(workflowId: string): Promise<CliExecution> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const output = result.stdout + result.stderr;
		const run = parseExecuteOutput(result.stdout);
		const error = run ? runError(run.data) : undefined;
		if (!run && result.code === 0) throw new Error(`n8n execute printed no run:\n${tail(output)}`);
		return { exitCode: result.code, run, error: error ?? (run ? undefined : tail(output, 15)), output };
	}

	/**
	 * Starts `n8n start` on a free port (or `options.port`); stopped by dispose() if the test does
	 * not stop it. `options.env` adds to or overrides the headless environment (the demo uses it).
	 */
	async startServer(options: StartServerOptions = {}): Promise<N8nServer> {
		const port = options.port ?? (await freePort());
		const env = { ...(await this.processEnv(port)), ...options.env };
		const server = await N8nServer.start(this.runtime.nodeBin, [this.runtime.n8nBin, 'start'], env, port);
		this.servers.add(server);
		return server;
	}

	/**
	 * Starts `n8n worker` (queue mode: the instance's env must carry EXECUTIONS_MODE=queue, Redis and
	 * the shared database). It is ready once its health server answers, on a port of its own.
	 */
	async startWorker(options: StartServerOptions = {}): Promise<N8nServer> {
		const port = options.port ?? (await freePort());
		const env = {
			...(await this.processEnv()),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...options.env,
		};
		const worker = await N8nServer.start(this.runtime.nodeBin, [this.runtime.n8nBin, 'worker', '--concurrency=2'], env, port);
		this.servers.add(worker);
		return worker;
	}

	async stopServer(server: N8nServer): Promise<void> {
		await server.stop();
		this.servers.delete(server);
	}

	/** Any n8n CLI command; each gets its own broker port so it can run beside a server. */
	async cli(args: string[], timeoutMs = CLI_TIMEOUT_MS): Promise<RunResult> {
		const env = await this.processEnv();
		return await runProcess(this.runtime.nodeBin, [this.runtime.n8nBin, ...args], { env, timeoutMs });
	}

	/** The environment of one n8n process of this instance: the headless defaults, then the instance's own. */
	private async processEnv(port?: number): Promise<NodeJS.ProcessEnv> {
		return {
			...n8nEnv(this.runtime, {
				userFolder: this.userFolder,
				tempDir: join(this.userFolder, 'tmp'),
				encryptionKey: this.encryptionKey,
				brokerPort: await freePort(),
				port,
			}),
			...this.extraEnv,
		};
	}

	/**
	 * Like cli(), but fails unless the command printed what it prints on success: n8n's commands
	 * log an error and may still exit 0, so the exit code alone proves nothing.
	 */
	private async cliChecked(args: string[], success: RegExp): Promise<RunResult> {
		const result = await this.cli(args);
		const output = result.stdout + result.stderr;
		if (result.code !== 0 || !success.test(output)) {
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${tail(output)}`);
		}
		return result;
	}

	private async writeImportFile(kind: string, content: unknown): Promise<string> {
		const file = join(this.userFolder, `import-${kind}-${++this.importCount}.json`);
		await writeFile(file, JSON.stringify(content, null, 2));
		return file;
	}

	/** Stops every server this instance started and deletes the user folder. */
	async dispose(): Promise<void> {
		await Promise.all([...this.servers].map((server) => server.stop()));
		this.servers.clear();
		await rm(this.userFolder, { recursive: true, force: true });
		await Promise.all(this.ownedDirs.map(async (dir) => await rm(dir, { recursive: true, force: true })));
	}
}
