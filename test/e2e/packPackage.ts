/**
 * The package as a user gets it: built, then `npm pack`ed, so the e2e suite tests exactly the files
 * that `files` in package.json ships (a file missing from the tarball fails here, not for users).
 */
import { existsSync } from 'fs';
import { mkdir, readdir } from 'fs/promises';
import { join, resolve } from 'path';

import { cleanEnv } from './n8nRuntime';
import { runChecked } from './processes';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * Builds the repo and packs it into destinationDir; returns the tarball's path.
 * E2E_PACKAGE_TARBALL names an already packed tarball to use instead (CI that packs once, or a
 * developer iterating on the tests), and skips the build.
 */
export async function packRepoPackage(destinationDir: string): Promise<string> {
	const given = process.env.E2E_PACKAGE_TARBALL;
	if (given) {
		if (!existsSync(given)) throw new Error(`E2E_PACKAGE_TARBALL=${given} does not exist`);
		return resolve(given);
	}
	// The repo's own toolchain (Node 20), not the runtime's Node 24: cleanEnv has no Node 24 on PATH.
	const env = cleanEnv();
	await runChecked('npm', ['run', 'build'], { cwd: REPO_ROOT, env, timeoutMs: 10 * 60_000 });
	if (!existsSync(join(REPO_ROOT, 'dist'))) throw new Error('`npm run build` finished but produced no dist/');
	await mkdir(destinationDir, { recursive: true });
	await runChecked('npm', ['pack', '--pack-destination', destinationDir], { cwd: REPO_ROOT, env, timeoutMs: 5 * 60_000 });
	const tarballs = (await readdir(destinationDir)).filter((name) => name.endsWith('.tgz'));
	if (tarballs.length !== 1) throw new Error(`expected one tarball in ${destinationDir}, found: ${tarballs.join(', ') || 'none'}`);
	return join(destinationDir, tarballs[0]);
}
