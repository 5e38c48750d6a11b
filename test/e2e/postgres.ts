/**
 * A throwaway PostgreSQL for n8n (queue mode needs a database every process shares): Debian's
 * PostgreSQL binaries (installed by the set-up when missing), a cluster made by initdb in a temp
 * folder, listening on 127.0.0.1 and a free port, trust authentication for one user. PostgreSQL
 * refuses to run as root, so as root (CI) the cluster belongs to the `postgres` system user (or
 * `nobody`) and runs as that user.
 */
import { spawnSync } from 'child_process';
import { existsSync, readdirSync } from 'fs';
import { chown, mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

import { ensureDebianPackage, type Availability } from './debianPackage';
import { freePort } from './freePort';
import { runChecked, startProcess, tail, type BackgroundProcess } from './processes';

const READY_TIMEOUT_MS = 60_000;

const DEBIAN_ROOT = '/usr/lib/postgresql';

export interface PostgresConnection {
	host: string;
	port: number;
	user: string;
	database: string;
}

/** Where Debian puts the server binaries: one folder per major version, newest first. */
function binDirs(): string[] {
	const versions = existsSync(DEBIAN_ROOT) ? readdirSync(DEBIAN_ROOT).filter((name) => /^\d+$/.test(name)) : [];
	return versions.sort((a, b) => Number(b) - Number(a)).map((version) => join(DEBIAN_ROOT, version, 'bin'));
}

function findBinary(name: string): string | undefined {
	return binDirs()
		.map((dir) => join(dir, name))
		.find((path) => existsSync(path));
}

function binary(name: string): string {
	const found = findBinary(name);
	if (!found) throw new Error(`PostgreSQL's ${name} was found in none of ${binDirs().join(', ') || DEBIAN_ROOT + '/*/bin'}`);
	return found;
}

/** Makes sure Debian's PostgreSQL server (initdb, postgres, psql) is installed; answers why not when it cannot be. */
export function ensurePostgresInstalled(): Availability {
	return ensureDebianPackage('postgresql', () => ['initdb', 'postgres', 'psql'].every((name) => findBinary(name) !== undefined));
}

/** The user to run the cluster as: none when not root, else `postgres` or `nobody`. */
function unprivilegedUser(): { name: string; uid: number; gid: number } | undefined {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	for (const name of ['postgres', 'nobody']) {
		const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
		if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
	}
	throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

export class PostgresServer {
	private constructor(
		readonly connection: PostgresConnection,
		private readonly dir: string,
		private readonly child: BackgroundProcess,
	) {}

	static async start(): Promise<PostgresServer> {
		const dir = await mkdtemp(join(tmpdir(), 'harvest-e2e-postgres-'));
		const dataDir = join(dir, 'data');
		const user = unprivilegedUser();
		const as = (command: string, args: string[]) =>
			user ? { command: 'runuser', args: ['-u', user.name, '--', command, ...args] } : { command, args };
		try {
			if (user) await chown(dir, user.uid, user.gid);
			const connection: PostgresConnection = { host: '127.0.0.1', port: await freePort(), user: 'n8n', database: 'postgres' };
			const init = as(binary('initdb'), ['-D', dataDir, '-U', connection.user, '--auth=trust', '-E', 'UTF8', '--no-sync']);
			await runChecked(init.command, init.args, { timeoutMs: 120_000 });
			// The socket goes into the temp folder too: /var/run/postgresql may not exist or be writable.
			const serve = as(binary('postgres'), ['-D', dataDir, '-h', connection.host, '-p', String(connection.port), '-k', dir, '-c', 'fsync=off']);
			const server = new PostgresServer(connection, dir, startProcess(serve.command, serve.args));
			try {
				await server.waitUntilReady();
			} catch (error) {
				await server.stop();
				throw error;
			}
			return server;
		} catch (error) {
			await rm(dir, { recursive: true, force: true });
			throw error;
		}
	}

	/** What n8n needs to use this database (`DB_TYPE=postgresdb`). */
	n8nEnv(): NodeJS.ProcessEnv {
		const { host, port, user, database } = this.connection;
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: host,
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_DATABASE: database,
		};
	}

	/** Runs one SQL statement with psql and answers its rows as tab-separated text. */
	async query(sql: string): Promise<string> {
		const { host, port, user, database } = this.connection;
		const result = await runChecked(binary('psql'), ['-h', host, '-p', String(port), '-U', user, '-d', database, '-At', '-F', '\t', '-c', sql], {
			timeoutMs: 30_000,
		});
		return result.stdout;
	}

	private async waitUntilReady(): Promise<void> {
		const deadline = Date.now() + READY_TIMEOUT_MS;
		while (!/database system is ready to accept connections/.test(this.child.output())) {
			if (Date.now() > deadline) throw new Error(`postgres was not ready after ${READY_TIMEOUT_MS} ms:\n${tail(this.child.output())}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	async stop(): Promise<void> {
		// SIGTERM is PostgreSQL's smart shutdown; the n8n processes are stopped before this.
		await this.child.stop();
		await rm(this.dir, { recursive: true, force: true });
	}
}
