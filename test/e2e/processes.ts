/**
 * Child processes for the e2e suite. Every child runs in its own process group (`detached`), so
 * stopping it also stops what it spawned (n8n starts task runners; npm starts node-gyp): tests
 * must leave no process behind. Nothing here blocks the event loop, because the Harvest sandbox
 * may be served from this very process while n8n calls it.
 */
import { spawn, type ChildProcess } from 'child_process';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Kill the whole group and reject after this long. */
	timeoutMs?: number;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Groups still running; killed on exit as a last resort if a test forgot to stop one. */
const liveGroups = new Set<number>();

process.once('exit', () => {
	for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
});

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

function spawnInGroup(command: string, args: string[], options: RunOptions): ChildProcess {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	if (child.pid !== undefined) {
		const pid = child.pid;
		liveGroups.add(pid);
		child.once('exit', () => liveGroups.delete(pid));
	}
	return child;
}

/** Run a command to completion and collect its output; never throws for a non-zero exit. */
export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawnInGroup(command, args, options);
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
						reject(
							new Error(
								`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${tail(stdout + stderr)}`,
							),
						);
					}, options.timeoutMs);
		child.once('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(error);
		});
		child.once('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			// The leader is gone; reap anything it left in its group.
			if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
			resolve({ code, signal, stdout, stderr });
		});
	});
}

/** Like runProcess, but a non-zero exit is an error that carries the output's tail. */
export async function runChecked(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const result = await runProcess(command, args, options);
	if (result.code !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} exited with ${result.code ?? result.signal}\n${tail(result.stdout + result.stderr)}`,
		);
	}
	return result;
}

export interface BackgroundProcess {
	readonly pid: number;
	/** Everything printed so far, stdout and stderr interleaved. */
	output(): string;
	/** Resolves when the process exits (whoever stopped it). */
	readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** SIGTERM the group, SIGKILL it after a grace period; resolves once the leader exited. */
	stop(graceMs?: number): Promise<void>;
}

/** Start a long-running process (a server); the caller must stop() it. */
export function startProcess(command: string, args: string[], options: RunOptions = {}): BackgroundProcess {
	const child = spawnInGroup(command, args, options);
	if (child.pid === undefined) throw new Error(`could not start ${command}`);
	const pid = child.pid;
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	let running = true;
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		child.once('exit', (code, signal) => {
			running = false;
			resolve({ code, signal });
		});
	});
	return {
		pid,
		output: () => output,
		exited,
		async stop(graceMs = 10_000) {
			if (running) {
				signalGroup(pid, 'SIGTERM');
				const killer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
				await exited;
				clearTimeout(killer);
			}
			// Children (task runners) may outlive the leader's graceful exit.
			signalGroup(pid, 'SIGKILL');
		},
	};
}

/** The last lines of some output, for error messages that stay readable. */
export function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
