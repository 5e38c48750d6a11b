import type { IExecuteSingleFunctions } from 'n8n-workflow';

/** Long enough for any execution's items to share a lookup, short enough that nothing goes stale. */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 1000;

const entries = new Map<string, { at: number; value: Promise<unknown> }>();

/**
 * Loads a value once per execution and node (e.g. a client's contacts, shared by every invoice of
 * that client in one reminder run), so items never read what another item already read. The
 * promise is kept, so items running at the same time share one request; a failed load is
 * forgotten, so another item may try again. Without an execution id nothing is kept.
 */
export async function oncePerExecution<T>(
	context: IExecuteSingleFunctions,
	key: string,
	load: () => Promise<T>,
): Promise<T> {
	const executionId = context.getExecutionId();
	if (!executionId) return await load();
	const now = Date.now();
	for (const [name, entry] of entries) {
		if (now - entry.at < TTL_MS && entries.size <= MAX_ENTRIES) break;
		entries.delete(name);
	}
	const fullKey = `${executionId}\n${context.getNode().id ?? context.getNode().name}\n${key}`;
	const cached = entries.get(fullKey);
	if (cached) return (await cached.value) as T;
	const value = load();
	entries.set(fullKey, { at: now, value });
	value.catch(() => entries.delete(fullKey));
	return await value;
}
