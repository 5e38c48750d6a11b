import { pathMatches } from './faults';

/**
 * Test code run inside the sandbox at a chosen point of a client's walk: after the answer to the
 * `nth` matching request has been computed and before it is sent. The client cannot see the
 * change in that answer but sees it in every later one: "invoices change between page 2 and
 * page 3", deterministically. In-process only (the action is a function).
 */
export interface RequestHook {
	/** HTTP method to match; any when absent. */
	method?: string;
	/** Path pattern as for faults (`/invoices`, `/invoices/:id`); any when absent. */
	path?: string | RegExp;
	/** Which matching request (1 = the first from now on); default 1. */
	nth?: number;
	/** May call the sandbox's own API: the held answer waits for it. Told which request it follows (e.g. to know the page answered). */
	action: (request: HookedRequest) => void | Promise<void>;
}

/** The request a hook runs after: its method, its path as sent and its query. */
export interface HookedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
}

interface PendingHook {
	hook: RequestHook;
	remaining: number;
}

export class RequestHooks {
	private pending: PendingHook[] = [];

	add(hook: RequestHook): void {
		const nth = hook.nth ?? 1;
		if (!Number.isInteger(nth) || nth < 1) throw new Error('hook.nth must be a whole number >= 1');
		this.pending.push({ hook, remaining: nth });
	}

	clear(): void {
		this.pending = [];
	}

	/** Runs (and forgets) every hook whose request this is. */
	async run(method: string, canonicalPath: string, rawPath: string, query: URLSearchParams = new URLSearchParams()): Promise<void> {
		const due: RequestHook[] = [];
		for (const entry of this.pending) {
			const { hook } = entry;
			if (hook.method && hook.method.toUpperCase() !== method) continue;
			if (hook.path !== undefined && !pathMatches(hook.path, canonicalPath) && !pathMatches(hook.path, rawPath)) continue;
			entry.remaining -= 1;
			if (entry.remaining === 0) due.push(hook);
		}
		this.pending = this.pending.filter((entry) => entry.remaining > 0);
		for (const hook of due) await hook.action({ method, path: rawPath, query });
	}
}
