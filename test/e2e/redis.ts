/**
 * A throwaway Redis for n8n's queue (Bull): Debian's `redis-server`, on 127.0.0.1 and a free port,
 * working in a temp folder, nothing persisted. The set-up installs the package when it is missing
 * (`apt-get`, with sudo only when not root); when that is impossible the queue-mode suite is
 * skipped and says why, it never passes silently.
 */
import { spawnSync } from 'child_process';
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { freePort } from './freePort';
import { startProcess, tail, type BackgroundProcess } from './processes';

const READY_TIMEOUT_MS = 30_000;

function onPath(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Makes sure `redis-server` is installed; answers why not when it cannot be. Synchronous on
 * purpose: it runs while Jest collects the suite, so the suite can be skipped by name.
 */
export function ensureRedisInstalled(): { ok: true } | { ok: false; reason: string } {
	if (onPath('redis-server')) return { ok: true };
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!root && !onPath('sudo')) return { ok: false, reason: 'redis-server is not installed, and neither root nor sudo is available to install it' };
	const asRoot = (args: string[]) => (root ? { cmd: args[0], args: args.slice(1) } : { cmd: 'sudo', args: ['-n', ...args] });
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let outcome = '';
	// The package lists may be missing or stale on a fresh machine: update once, then install.
	for (const step of [['apt-get', 'update'], ['apt-get', 'install', '-y', 'redis-server']]) {
		const { cmd, args } = asRoot(step);
		const result = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 10 * 60_000 });
		outcome = `${step.join(' ')} exited ${result.status ?? result.signal}: ${tail(`${result.stdout ?? ''}${result.stderr ?? ''}`, 5)}`;
		if (result.status !== 0 && step[1] === 'install') return { ok: false, reason: outcome };
	}
	return onPath('redis-server') ? { ok: true } : { ok: false, reason: `redis-server still missing after install (${outcome})` };
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
