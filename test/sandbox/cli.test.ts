/** `npm run sandbox` (tsx test/sandbox/cli.ts): prints its URL and the demo login, answers, and stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { harvest } from './testing/client';
import type { Sandbox } from './index';

test('starts, prints URL and demo login, serves, stops cleanly on SIGTERM', async () => {
	const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
	const child = spawn(tsx, [join(__dirname, 'cli.ts'), '--port', '0', '--invoices', '5', '--seed', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 20_000);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			const match = /Harvest sandbox listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
			if (match && output.includes('token demo-token')) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
	});
	expect(output).toContain('Demo login: subdomain demo, email demo@example.com, password harvest-demo, token demo-token');
	const login = { subdomain: 'demo', email: 'demo@example.com', password: 'harvest-demo', accessToken: 'demo-token' };
	const response = await harvest({ url, login } as Sandbox, { auth: 'basic' }).get('/invoices');
	expect(response.json()).toHaveLength(5);
	const exitCode = await new Promise<number | null>((resolve) => {
		child.on('exit', (code) => resolve(code));
		child.kill('SIGTERM');
	});
	expect(exitCode).toBe(0);
	expect(output).toContain('Received SIGTERM, stopping the sandbox');
});
