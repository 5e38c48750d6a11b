import { sleepWithAbort } from 'n8n-workflow';

import type { RateBudget } from './rateBudget';

/**
 * The most one request may take, answer body included. n8n's `timeout` only fires when the socket
 * is idle that long, so an answer trickling in a byte at a time would hold a run forever.
 */
export const REQUEST_DEADLINE_MS = 60_000;

let deadlineMs = REQUEST_DEADLINE_MS;

/** Shortens the deadline for tests against a deliberately slow sandbox. */
export function setHarvestDeadline(milliseconds: number): void {
	deadlineMs = milliseconds;
}

export function harvestDeadlineMs(): number {
	return deadlineMs;
}

/** One attempt at a request: its budget slot, and its deadline until Harvest's answer is in. */
export interface HarvestCall {
	run<T>(attempt: (call: HarvestCall) => Promise<T>): Promise<T>;
	/** The answer arrived (or the attempt ended): the deadline stops, the budget slot is released. */
	answered(): void;
}

export function harvestCall(budget: RateBudget | undefined): HarvestCall {
	// Aborting the wait is how the deadline stops once the answer is in (it rejects, ignored then).
	const stopDeadline = new AbortController();
	let done = false;
	const call: HarvestCall = {
		async run(attempt) {
			const limit = deadlineMs;
			const expired = sleepWithAbort(limit, stopDeadline.signal).then(
				() => {
					// No HTTP status: a write is reported as possibly made and never sent again. A read is
					// not repeated either: the abandoned request still runs, and Harvest is slow anyway.
					const error = new Error(`Harvest did not finish answering within ${Math.round(limit / 1000)} s`);
					throw Object.assign(error, { deadlineExceeded: true });
				},
				() => new Promise<never>(() => undefined),
			);
			return await Promise.race([attempt(call), expired]);
		},
		answered() {
			stopDeadline.abort();
			if (done) return;
			done = true;
			budget?.release();
		},
	};
	return call;
}

export function isDeadlineExceeded(error: unknown): boolean {
	return (error as { deadlineExceeded?: unknown })?.deadlineExceeded === true;
}
