/**
 * `npm run sandbox`: the sandbox as a standalone server for the demo and for tests that run in
 * another process. Flags: --port N (default 3210, or SANDBOX_PORT), --invoices N, --seed N.
 */
import { startSandbox, type SandboxOptions } from './index';

function readFlags(argv: string[]): SandboxOptions {
	const options: SandboxOptions = { port: Number(process.env.SANDBOX_PORT ?? 3210) };
	for (let index = 0; index < argv.length; index++) {
		const [flag, inlineValue] = argv[index].split('=', 2);
		const value = inlineValue ?? argv[++index];
		const number = Number(value);
		if (!['--port', '--invoices', '--seed'].includes(flag)) throw new Error(`Unknown flag ${flag}; use --port N, --invoices N, --seed N`);
		if (value === undefined || !Number.isInteger(number)) throw new Error(`${flag} needs a whole number`);
		if (flag === '--port') options.port = number;
		else if (flag === '--invoices') options.invoices = number;
		else options.seed = number;
	}
	return options;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox(readFlags(process.argv.slice(2)));
	const { subdomain, email, password, accessToken, accountId, personalAccessToken } = sandbox.login;
	process.stdout.write(
		[
			`Harvest sandbox listening on ${sandbox.url}`,
			`Demo login: subdomain ${subdomain}, email ${email}, password ${password}, token ${accessToken}`,
			`Harvest v2 at ${sandbox.url}/v2: Harvest-Account-Id ${accountId}, personal access token ${personalAccessToken}`,
			`Sandbox clock: ${sandbox.now().toISOString()}; ${sandbox.store.invoices.size} invoices; control routes under ${sandbox.url}/__sandbox`,
			'',
		].join('\n'),
	);
	const stop = (signal: NodeJS.Signals) => {
		process.stdout.write(`Received ${signal}, stopping the sandbox\n`);
		sandbox.stop().then(() => process.exit(0), () => process.exit(1));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
