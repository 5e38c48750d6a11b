/**
 * Polls of one trigger node that are still running, by workflow and node. n8n starts a poll on
 * schedule whether or not the previous one has finished, and both would read the same stored
 * snapshot: each would report the same changes, and the one finishing last would overwrite the
 * other's snapshot.
 *
 * A poll that finds another one running skips (reports nothing) rather than waiting: nothing is
 * lost, because the snapshot and cursor move only when a poll completes, so the next poll sees
 * whatever the skipped one would have; and a Harvest slow enough to overlap polls does not get a
 * queue of waiting polls piling up behind it. The lock is per process: n8n runs a workflow's
 * triggers in one process (the leader, in multi-main setups).
 */
const running = new Set<string>();

function lockKey(workflowId: string | undefined, nodeName: string): string {
	return JSON.stringify([workflowId ?? '', nodeName]);
}

/** Runs `poll` unless the same node of the same workflow is already polling; then answers `skipped`. */
export async function pollExclusively<T, S>(
	workflowId: string | undefined,
	nodeName: string,
	poll: () => Promise<T>,
	skipped: () => S,
): Promise<T | S> {
	const key = lockKey(workflowId, nodeName);
	if (running.has(key)) return skipped();
	running.add(key);
	try {
		return await poll();
	} finally {
		running.delete(key);
	}
}
