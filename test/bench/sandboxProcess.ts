/**
 * The sandbox in its own process (`tsx test/sandbox/cli.ts --port 0`), so the CPU it spends serving
 * is not counted as the node's. Driven over HTTP through its `/__sandbox` control routes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { DemoLogin, LoggedRequest, SandboxOptions, ThrottleSettings } from '../sandbox';
import { send } from '../sandbox/testing/client';

const ROOT = join(__dirname, '..', '..');
const STARTUP_TIMEOUT_MS = 60_000;

export interface SandboxProcess {
	url: string;
	login: DemoLogin;
	/** Re-seeds with these options (clock, throttle, faults and log back to the start too). */
	reset(options: Omit<SandboxOptions, 'port'>): Promise<void>;
	advanceClock(ms: number): Promise<void>;
	/** The sandbox's clock, e.g. for payment dates. */
	now(): Promise<Date>;
	setThrottle(throttle: ThrottleSettings | false): Promise<void>;
	requests(): Promise<LoggedRequest[]>;
	clearRequests(): Promise<void>;
	stop(): Promise<void>;
}

async function control<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
	const answer = await send(`${url}/__sandbox${path}`, method, { body, headers: { 'Content-Type': 'application/json' } });
	if (answer.status >= 300) throw new Error(`sandbox control ${method} ${path}: ${answer.status} ${answer.text}`);
	return answer.json() as T;
}

function waitForUrl(child: ChildProcess): Promise<string> {
	let output = '';
	return new Promise((resolve, reject) => {
		const onExit = (code: number | null) => fail(new Error(`the sandbox exited (${String(code)}) before listening: ${output}`));
		const fail = (error: Error) => {
			clearTimeout(timer);
			reject(error);
		};
		const timer = setTimeout(() => fail(new Error(`the sandbox printed no URL: ${output}`)), STARTUP_TIMEOUT_MS);
		// Once started, its output is still read (a full pipe would block it) but no longer parsed.
		const onOutput = (chunk: Buffer) => {
			output += chunk.toString();
			// The last line printed at start-up names the control routes: everything is ready then.
			const match = /Harvest sandbox listening on (http:\/\/127\.0\.0\.1:\d+)\n[\s\S]*control routes under/.exec(output);
			if (!match) return;
			clearTimeout(timer);
			child.off('exit', onExit);
			child.stdout?.off('data', onOutput);
			child.stdout?.resume();
			resolve(match[1]);
		};
		child.once('error', fail);
		child.once('exit', onExit);
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stdout?.on('data', onOutput);
	});
}

/** Starts the sandbox process with `invoices` seeded and the throttle off (reset sets it as wanted). */
export async function startSandboxProcess(options: { invoices?: number; seed?: number } = {}): Promise<SandboxProcess> {
	const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
	const flags = ['--port', '0', '--invoices', String(options.invoices ?? 60), '--seed', String(options.seed ?? 1)];
	const child = spawn(tsx, [join(ROOT, 'test', 'sandbox', 'cli.ts'), ...flags], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	let url: string;
	try {
		url = await waitForUrl(child);
	} catch (error) {
		child.kill('SIGTERM');
		throw error;
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const summary = await control<{ login: DemoLogin }>(url, 'GET', '');
	await control(url, 'PUT', '/throttle', false);
	return {
		url,
		login: summary.login,
		reset: async (resetOptions) => void (await control(url, 'POST', '/reset', resetOptions)),
		advanceClock: async (ms) => void (await control(url, 'POST', '/clock', { advanceMs: ms })),
		now: async () => new Date((await control<{ now: string }>(url, 'GET', '/clock')).now),
		setThrottle: async (throttle) => void (await control(url, 'PUT', '/throttle', throttle)),
		requests: async () => await control<LoggedRequest[]>(url, 'GET', '/requests'),
		clearRequests: async () => void (await control(url, 'DELETE', '/requests')),
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}
