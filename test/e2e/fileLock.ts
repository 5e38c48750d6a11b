/**
 * A cross-process lock on one machine: `mkdir` is atomic, so whoever creates the directory holds
 * the lock. Two test runs (or a developer and CI) that both find the n8n cache missing must not
 * install into it at once. A lock left by a killed process is taken over once its pid is gone.
 */
import { hostname } from 'os';
import { mkdir, readFile, rm, writeFile } from 'fs/promises';
import { join } from 'path';

interface LockOwner {
	pid: number;
	host: string;
	since: string;
}

export interface LockOptions {
	/** How often to look again while someone else holds it. */
	pollMs?: number;
	/** Called now and then while waiting, to tell a person why nothing happens. */
	onWait?: (owner: LockOwner | undefined, waitedMs: number) => void;
}

export async function withFileLock<T>(lockDir: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
	await acquire(lockDir, options);
	try {
		return await work();
	} finally {
		await rm(lockDir, { recursive: true, force: true });
	}
}

async function acquire(lockDir: string, { pollMs = 2000, onWait }: LockOptions): Promise<void> {
	const started = Date.now();
	let lastReport = 0;
	let ownerlessSince: number | undefined;
	for (;;) {
		try {
			await mkdir(lockDir);
			const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
			await writeFile(join(lockDir, 'owner.json'), JSON.stringify(owner));
			return;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const owner = await readOwner(lockDir);
		ownerlessSince = owner ? undefined : (ownerlessSince ?? Date.now());
		// No owner file for a minute: the holder died between mkdir and writing it.
		const ownerNeverWritten = ownerlessSince !== undefined && Date.now() - ownerlessSince > 60_000;
		if ((owner && isDead(owner)) || ownerNeverWritten) {
			// The holder died mid-install; its half-done work is redone by whoever gets the lock next.
			await rm(lockDir, { recursive: true, force: true });
			continue;
		}
		const waited = Date.now() - started;
		if (onWait && waited - lastReport >= 30_000) {
			lastReport = waited;
			onWait(owner, waited);
		}
		await new Promise((resolve) => setTimeout(resolve, pollMs));
	}
}

async function readOwner(lockDir: string): Promise<LockOwner | undefined> {
	try {
		return JSON.parse(await readFile(join(lockDir, 'owner.json'), 'utf8')) as LockOwner;
	} catch {
		// Just created and not written yet, or being removed: treat the holder as alive.
		return undefined;
	}
}

function isDead(owner: LockOwner): boolean {
	// A pid means nothing on another host (a shared home directory); wait for that one instead.
	if (owner.host !== hostname()) return false;
	try {
		process.kill(owner.pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}
