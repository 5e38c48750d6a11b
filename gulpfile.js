/**
 * `npm run build` (after `tsc --noEmit` has type-checked everything):
 * - bundles each node and credential with esbuild into dist/ at the same path, so every file is
 *   self-contained except for `n8n-workflow`, which n8n provides (fast-xml-parser and luxon are
 *   bundled; the published package has no runtime dependencies);
 * - copies the icons and codex files beside the compiled nodes.
 * No source maps: they would carry this machine's paths into the package.
 */
const { src, dest, series } = require('gulp');
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const pkg = require('./package.json');

function entryPoints() {
	return [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((distPath) =>
		distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
	);
}

function clean(done) {
	fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
	done();
}

async function bundle() {
	await esbuild.build({
		entryPoints: entryPoints(),
		outdir: 'dist',
		outbase: '.',
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		external: ['n8n-workflow'],
		sourcemap: false,
		minify: false,
		legalComments: 'inline',
		logLevel: 'warning',
	});
}

function copyAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = series(clean, bundle, copyAssets);
exports.default = exports.build;
