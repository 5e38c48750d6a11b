import { decodeSnapshot, encodeSnapshot, type StoredSnapshot } from './snapshot';
import type { Snapshot } from './types';

/**
 * The snapshot each stored state was written from, kept while n8n keeps that static data in
 * memory (an active workflow's polls share it). A poll then reads its state without decoding
 * every invoice again; after a restart, or in another process, the state is simply decoded.
 */
const written = new WeakMap<object, Snapshot>();

export function readSnapshot(stored: unknown): Snapshot {
	if (typeof stored === 'object' && stored !== null) {
		const known = written.get(stored);
		if (known) return known;
	}
	return decodeSnapshot(stored);
}

/** The stored form of `snapshot`, remembered so that the next poll can skip decoding it. */
export function writeSnapshot(snapshot: Snapshot): StoredSnapshot {
	const stored = encodeSnapshot(snapshot);
	written.set(stored, snapshot);
	return stored;
}
