/**
 * A throwaway Redis for n8n's queue (Bull): Debian's `redis-server`, on 127.0.0.1 and a free port,
 * working in a temp folder, nothing persisted. The set-up installs the package when it is missing.
 */
import { spawnSync } from 'child_process';
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { ensureDebianPackage, type Availability } from './debianPackage';
import { freePort } from './freePort';
import { startProcess, tail, type BackgroundProcess } from './processes';

const READY_TIMEOUT_MS = 30_000;

/** Makes sure `redis-server` is installed; answers why not when it cannot be. */
export function ensureRedisInstalled(): Availability {
	return ensureDebianPackage('redis-server', () => spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0);
}

export class RedisServer {
	private constructor(
		readonly port: number,
		private readonly dir: string,
		private readonly child: BackgroundProcess,
	) {}

	static async start(): Promise<RedisServer> {
		const dir = await mkdtemp(join(tmpdir(), 'harvest-e2e-redis-'));
		const port = await freePort();
		const child = startProcess('redis-server', [
			'--bind', '127.0.0.1',
			'--port', String(port),
			'--dir', dir,
			// Nothing to keep: a test's queue dies with the test.
			'--save', '',
			'--appendonly', 'no',
			'--daemonize', 'no',
		]);
		const redis = new RedisServer(port, dir, child);
		try {
			await redis.waitUntilReady();
		} catch (error) {
			await redis.stop();
			throw error;
		}
		return redis;
	}

	private async waitUntilReady(): Promise<void> {
		const deadline = Date.now() + READY_TIMEOUT_MS;
		while (!/Ready to accept connections/.test(this.child.output())) {
			if (Date.now() > deadline) throw new Error(`redis-server was not ready after ${READY_TIMEOUT_MS} ms:\n${tail(this.child.output())}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	async stop(): Promise<void> {
		await this.child.stop();
		await rm(this.dir, { recursive: true, force: true });
	}
}
