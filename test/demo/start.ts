/**
 * `npm start`: the one-command demo. Builds and packs the package, starts the Harvest sandbox and
 * a real n8n with the package installed, a credential, a data table and example workflows, prints
 * how to sign in, and stops everything on Ctrl-C (SIGINT), SIGTERM or SIGHUP.
 *
 * Environment: DEMO_N8N_PORT (5678), DEMO_SANDBOX_PORT (3210), DEMO_INVOICES (60), DEMO_SEED (1),
 * DEMO_N8N_LOG=1 (echo n8n's log); from the e2e harness: E2E_CACHE_DIR (where n8n is cached),
 * E2E_PACKAGE_TARBALL (use this tarball instead of building and packing).
 */
import { DemoSession, DemoStoppedError, n8nOutputTail, type RunningDemo } from './demo';
import { READY_LINE, readOptions } from './config';

function banner(demo: RunningDemo): string {
	const workflows = demo.workflows.map(
		(workflow) => `    - ${workflow.name}${workflow.published ? ' (published)' : ''}: ${demo.editorUrl}/workflow/${workflow.id}`,
	);
	return [
		'',
		READY_LINE,
		`  Editor URL:      ${demo.editorUrl}`,
		// A local, throwaway demo account (n8n listens on 127.0.0.1 only): printed so that a person can sign in.
		`  n8n login:       ${demo.owner.email} / ${demo.owner.password}`,
		`  Invoice form:    ${demo.formUrl}`,
		`  Harvest sandbox: ${demo.sandboxUrl} (v2 at /v2: account ID ${demo.sandboxLogin.accountId}, personal access token ${demo.sandboxLogin.personalAccessToken}; ` +
			`classic v1: subdomain ${demo.sandboxLogin.subdomain}, ${demo.sandboxLogin.email} / ${demo.sandboxLogin.password})`,
		`  Credential:      "${demo.credential.name}" (Harvest API v2, custom base URL ${demo.sandboxUrl}; used by the workflows); n8n's credential test: ${demo.credentialTest.message}`,
		`  v1 credential:   "${demo.v1Credential.name}" (classic API, same sandbox; pick it in a node to try v1); n8n's credential test: ${demo.v1CredentialTest.message}`,
		`  Data table:      "${demo.dataTable.name}" (filled by the "paid" workflow)`,
		'  Workflows:',
		...workflows,
		`  n8n data:        ${demo.userFolder} (deleted on exit)`,
		'Press Ctrl-C to stop n8n and the sandbox.',
		'',
	].join('\n');
}

async function main(): Promise<void> {
	// With `npm start | tee log`, Ctrl-C also ends tee: writing to the closed pipe then fails (EPIPE),
	// which must not abort the clean-up that follows.
	for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
	const session = new DemoSession(readOptions());
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		// The terminal sends Ctrl-C to npm, tsx and this process alike, and tsx relays it too: one stop is enough.
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n[demo] ${signal}: stopping n8n and the Harvest sandbox\n`);
		session.stop().then(
			() => {
				process.stdout.write('[demo] stopped\n');
				process.exit(0);
			},
			(error: unknown) => {
				process.stderr.write(`[demo] could not stop cleanly: ${String(error)}\n`);
				process.exit(1);
			},
		);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);

	try {
		const demo = await session.start();
		process.stdout.write(banner(demo));
	} catch (error) {
		if (error instanceof DemoStoppedError || stopping) return;
		process.stderr.write(`\n[demo] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
		const output = n8nOutputTail(session);
		if (output) process.stderr.write(`[demo] n8n's last output:\n${output}\n`);
		await session.stop();
		process.exit(1);
	}
}

void main();
