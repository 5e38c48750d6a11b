/**
 * Installs a Debian package the e2e set-up needs (Redis, PostgreSQL) when it is missing: `apt-get`,
 * with sudo only when not root. Synchronous on purpose: it runs while Jest collects a suite, so a
 * suite that cannot have its package is skipped by name, with the reason, never passed silently.
 */
import { spawnSync } from 'child_process';

import { tail } from './processes';

export type Availability = { ok: true } | { ok: false; reason: string };

/** Makes sure `isInstalled()` holds, installing `packageName` if it does not; answers why not when it cannot. */
export function ensureDebianPackage(packageName: string, isInstalled: () => boolean): Availability {
	if (isInstalled()) return { ok: true };
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const sudo = spawnSync('sh', ['-c', 'command -v sudo'], { stdio: 'ignore' }).status === 0;
	if (!root && !sudo) return { ok: false, reason: `${packageName} is not installed, and neither root nor sudo is available to install it` };
	const asRoot = (args: string[]) => (root ? { cmd: args[0], args: args.slice(1) } : { cmd: 'sudo', args: ['-n', ...args] });
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	let outcome = '';
	// The package lists may be missing or stale on a fresh machine: update once, then install.
	for (const step of [['apt-get', 'update'], ['apt-get', 'install', '-y', packageName]]) {
		const { cmd, args } = asRoot(step);
		const result = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 10 * 60_000 });
		outcome = `${step.join(' ')} exited ${result.status ?? result.signal}: ${tail(`${result.stdout ?? ''}${result.stderr ?? ''}`, 5)}`;
		if (result.status !== 0 && step[1] === 'install') return { ok: false, reason: outcome };
	}
	return isInstalled() ? { ok: true } : { ok: false, reason: `${packageName} still missing after install (${outcome})` };
}
