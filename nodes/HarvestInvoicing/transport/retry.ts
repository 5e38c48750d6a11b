import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { harvestCall, isDeadlineExceeded, type HarvestCall } from './deadline';
import type { RateBudget } from './rateBudget';
import { pauseAccount, takeSlot, throttleOf, unsureThrottledWrite, waitOutThrottle } from './throttle';
import { neverSentReason, unreachable } from './unreachable';

export { MAX_RETRY_AFTER_SECONDS } from './throttle';

/** Harvest's throttle asks for about 15 s; a read keeps waiting through a few lockouts. */
const MAX_THROTTLE_WAITS = 8;
/** Reads are safe to repeat after a dropped connection or a 5xx; a couple of tries is enough. */
const MAX_READ_RETRIES = 2;

/** Records which request a failure came from (see `throttleOf`). */
export function markRequestMethod(error: unknown, method: string): void {
	const context = (error as { context?: Record<string, unknown> })?.context;
	if (context && context.requestMethod === undefined) context.requestMethod = method.toUpperCase();
}

function httpStatus(error: unknown): number | undefined {
	const code = (error as { httpCode?: unknown })?.httpCode;
	const status = Number(code);
	return Number.isFinite(status) && status > 0 ? status : undefined;
}

/** A failure after which nobody knows whether Harvest acted: no status came back. */
function isAmbiguous(error: unknown): boolean {
	const status = httpStatus(error);
	return status === undefined || status === 502 || status === 504;
}

/** Errors from the hooks are already n8n errors; anything else is wrapped so n8n can show it. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(node, { message: (error as Error)?.message ?? String(error) } as JsonObject);
}

export interface RetryPolicy {
	node: INode;
	/** GET requests may be repeated; writes only when Harvest said it did not process them. */
	method: string;
	wait?: (milliseconds: number) => Promise<void>;
	/** The account's request budget: every attempt takes a slot, a throttle pauses the whole account. */
	budget?: RateBudget;
	/** Where the requests go (no secrets), named when it cannot be reached; see harvestApiAddress. */
	address?: string;
}

/**
 * Runs one Harvest call, waiting out throttling (the answering API's throttle status, see
 * ErrorSpelling, + `Retry-After`, which Harvest answers before doing anything) for every method,
 * and repeating reads after network errors and other 5xx (a v2 503 is an outage, one of those).
 * A write that failed without an answer is never re-sent: it may already have created an
 * invoice, a payment or an email, and sending it twice is worse than asking the user.
 */
export async function withHarvestRetries<T>(
	attempt: (call: HarvestCall) => Promise<T>,
	policy: RetryPolicy,
): Promise<T> {
	const wait = policy.wait ?? sleep;
	const isRead = policy.method.toUpperCase() === 'GET';
	let throttled = 0;
	let readRetries = 0;
	for (;;) {
		await takeSlot(policy.node, policy.budget);
		const call = harvestCall(policy.budget);
		try {
			return await call.run(attempt);
		} catch (error) {
			call.answered();
			const throttle = throttleOf(error, policy.method, policy.budget);
			if (throttle !== undefined && throttled < MAX_THROTTLE_WAITS) {
				if (!isRead && !throttle.refusedBeforeActing) {
					// The account still waits; the write is reported, as it may have been applied.
					pauseAccount(policy.node, policy.budget, throttle.seconds);
					throw unsureThrottledWrite(policy.node, error, throttle.seconds);
				}
				throttled++;
				await waitOutThrottle(policy.node, policy.budget, throttle.seconds, wait);
				continue;
			}
			const seconds = throttle?.seconds;
			const status = httpStatus(error);
			const transient = status === undefined || status >= 500;
			if (isRead && transient && seconds === undefined && !isDeadlineExceeded(error) && readRetries < MAX_READ_RETRIES) {
				readRetries++;
				await wait(500 * readRetries);
				continue;
			}
			const notSent = neverSentReason(error);
			if (notSent !== undefined) throw unreachable(policy.node, policy.address, notSent, error);
			if (!isRead && seconds === undefined && isAmbiguous(error)) {
				throw new NodeApiError(policy.node, { message: (error as Error).message } as JsonObject, {
					message: 'The connection to Harvest failed before it answered, so it is unknown whether the change was made',
					description:
						'It was not sent again, to avoid a duplicate invoice, payment or email. Check in Harvest (or with a Get operation) before running it again.',
					httpCode: status === undefined ? undefined : String(status),
				});
			}
			throw asNodeError(policy.node, error);
		} finally {
			call.answered();
		}
	}
}
