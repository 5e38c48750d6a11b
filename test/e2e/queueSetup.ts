/**
 * n8n in queue mode for the e2e suite: Redis and PostgreSQL of its own, one user folder for the main
 * (`n8n start`: UI, API, triggers) and one for the worker (`n8n worker`: runs the executions), the
 * same packed package installed in both, the same encryption key and database for both.
 */
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { N8nInstance } from './n8nInstance';
import { ensureN8nRuntime } from './n8nRuntime';
import type { N8nServer } from './n8nServer';
import { packRepoPackage } from './packPackage';
import { PostgresServer } from './postgres';
import { RedisServer } from './redis';

/**
 * What n8n 2.41 needs for durable poll cursors (the poll's static data kept in its own table and
 * committed with the execution it starts): N8N_POLLER_DURABLE_CURSORS_ENABLED alone is ignored with
 * a warning unless polls run on the durable scheduler, which needs the other three.
 */
export const DURABLE_POLL_CURSORS_ENV: Readonly<NodeJS.ProcessEnv> = Object.freeze({
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
});

/** n8n prints this when N8N_POLLER_DURABLE_CURSORS_ENABLED is set without the scheduler flags. */
export const DURABLE_CURSORS_DISABLED_WARNING = /durable poll cursors stay disabled/;

export class QueueModeSetup {
	private mainServer: N8nServer | undefined;
	private workerServer: N8nServer | undefined;
	/** What earlier runs of the main and the worker printed, kept across their restarts. */
	private readonly pastOutput = { main: '', worker: '' };

	private constructor(
		readonly redis: RedisServer,
		readonly postgres: PostgresServer,
		/** The main's user folder; CLI commands (import, publish) run here. */
		readonly main: N8nInstance,
		readonly worker: N8nInstance,
		private readonly packDir: string,
	) {}

	/** Starts Redis and PostgreSQL, packs the package and installs it into both user folders. */
	static async create(): Promise<QueueModeSetup> {
		const started: Array<{ stop(): Promise<void> } | { dispose(): Promise<void> }> = [];
		const packDir = await mkdtemp(join(tmpdir(), 'harvest-e2e-pack-'));
		try {
			const runtime = await ensureN8nRuntime();
			const tarball = await packRepoPackage(packDir);
			const redis = await RedisServer.start();
			started.push(redis);
			const postgres = await PostgresServer.start();
			started.push(postgres);
			const env: NodeJS.ProcessEnv = {
				...postgres.n8nEnv(),
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
			};
			const main = await N8nInstance.withTarball(runtime, tarball, { env });
			started.push(main);
			const worker = await N8nInstance.withTarball(runtime, tarball, { env, encryptionKey: main.encryptionKey });
			return new QueueModeSetup(redis, postgres, main, worker, packDir);
		} catch (error) {
			for (const service of started.reverse()) await ('stop' in service ? service.stop() : service.dispose());
			await rm(packDir, { recursive: true, force: true });
			throw error;
		}
	}

	get mainProcess(): N8nServer {
		if (!this.mainServer) throw new Error('the main is not running');
		return this.mainServer;
	}

	get workerProcess(): N8nServer {
		if (!this.workerServer) throw new Error('the worker is not running');
		return this.workerServer;
	}

	/** `n8n start` on the shared database; `env` adds flags (durable cursors) for this run only. */
	async startMain(env: NodeJS.ProcessEnv = {}): Promise<N8nServer> {
		if (this.mainServer) throw new Error('the main is already running');
		this.mainServer = await this.main.startServer({ env });
		return this.mainServer;
	}

	async stopMain(): Promise<void> {
		if (!this.mainServer) return;
		await this.main.stopServer(this.mainServer);
		this.pastOutput.main += this.mainServer.output();
		this.mainServer = undefined;
	}

	async startWorker(env: NodeJS.ProcessEnv = {}): Promise<N8nServer> {
		if (this.workerServer) throw new Error('the worker is already running');
		this.workerServer = await this.worker.startWorker({ env });
		return this.workerServer;
	}

	async stopWorker(): Promise<void> {
		if (!this.workerServer) return;
		await this.worker.stopServer(this.workerServer);
		this.pastOutput.worker += this.workerServer.output();
		this.workerServer = undefined;
	}

	/** Everything every run of the main printed so far. */
	mainOutput(): string {
		return this.pastOutput.main + (this.mainServer?.output() ?? '');
	}

	/** Everything every run of the worker printed so far. */
	workerOutput(): string {
		return this.pastOutput.worker + (this.workerServer?.output() ?? '');
	}

	/** Stops the n8n processes first (they hold connections), then the services; every step runs. */
	async dispose(): Promise<void> {
		const steps = [
			() => this.stopMain(),
			() => this.stopWorker(),
			() => this.main.dispose(),
			() => this.worker.dispose(),
			() => this.postgres.stop(),
			() => this.redis.stop(),
			() => rm(this.packDir, { recursive: true, force: true }),
		];
		const errors: unknown[] = [];
		for (const step of steps) {
			try {
				await step();
			} catch (error) {
				errors.push(error);
			}
		}
		if (errors.length > 0) throw errors[0];
	}
}
