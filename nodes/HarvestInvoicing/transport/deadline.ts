import { sleep } from 'n8n-workflow';

import type { RateBudget } from './rateBudget';

/**
 * The most one request may take, answer body included. n8n's `timeout` only fires when the socket
 * is idle that long, so an answer trickling in a byte at a time would hold a run forever.
 */
export const REQUEST_DEADLINE_MS = 60_000;

let deadlineMs = REQUEST_DEADLINE_MS;

/** Shortens the deadline for tests against a deliberately slow sandbox; `Infinity` turns it off. */
export function setHarvestDeadline(milliseconds: number): void {
	deadlineMs = milliseconds;
}

/** The socket timeout to give n8n: the deadline, or the default one while the deadline is off. */
export function harvestDeadlineMs(): number {
	return Number.isFinite(deadlineMs) ? deadlineMs : REQUEST_DEADLINE_MS;
}

/** One attempt at a request: its budget slot, and its deadline until Harvest's answer is in. */
export interface HarvestCall {
	run<T>(attempt: (call: HarvestCall) => Promise<T>): Promise<T>;
	/** The answer arrived (or the attempt ended): the deadline stops, the budget slot is released. */
	answered(): void;
}

/**
 * How often a running deadline looks whether the answer is in. It waits in short steps rather than
 * one abortable timer: n8n-workflow's `sleepWithAbort` is missing from some n8n releases (2.41 among
 * them), and community nodes may not use timers of their own; a step this short leaves no timer
 * holding the process long after the answer.
 */
const DEADLINE_STEP_MS = 250;

export function harvestCall(budget: RateBudget | undefined): HarvestCall {
	let answered = false;
	let done = false;
	const call: HarvestCall = {
		async run(attempt) {
			const limit = deadlineMs;
			// No deadline (tests that replace `sleep`, which the deadline's steps rely on).
			if (!Number.isFinite(limit)) return await attempt(call);
			const endsAt = Date.now() + limit;
			const expired = (async (): Promise<never> => {
				while (!answered) {
					const left = endsAt - Date.now();
					if (left <= 0) {
						// No HTTP status: a write is reported as possibly made and never sent again. A read is
						// not repeated either: the abandoned request still runs, and Harvest is slow anyway.
						const error = new Error(`Harvest did not finish answering within ${Math.round(limit / 1000)} s`);
						throw Object.assign(error, { deadlineExceeded: true });
					}
					await sleep(Math.min(DEADLINE_STEP_MS, left));
				}
				return await new Promise<never>(() => undefined);
			})();
			return await Promise.race([attempt(call), expired]);
		},
		answered() {
			answered = true;
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
