/**
 * Runs n8n's own community-package scanner (`analyzePackage` from @n8n/scan-community-package,
 * offline) on the sources and on the packed tarball, the two checks n8n's verification runs.
 * Usage: node test/scan/scanPackage.mjs            (sources)
 *        node test/scan/scanPackage.mjs --tarball  (packs the package first; needs dist/)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function scan(label, directory, patterns) {
	const result = await analyzePackage(directory, patterns);
	if (!result.passed) {
		console.error(`n8n package scan (${label}) failed: ${result.message}`);
		if (result.details) console.error(result.details);
		process.exitCode = 1;
		return;
	}
	console.log(`n8n package scan (${label}): passed`);
}

async function scanTarball() {
	const work = mkdtempSync(join(tmpdir(), 'harvest-scan-'));
	try {
		const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
		const [{ filename }] = JSON.parse(output.toString());
		execFileSync('tar', ['-xzf', join(work, filename), '-C', work]);
		await scan('packed tarball', join(work, 'package'), ['**/*.js', 'package.json']);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

await scan('sources', root, SOURCE_FILE_PATTERNS);
if (process.argv.includes('--tarball')) await scanTarball();
