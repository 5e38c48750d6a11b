import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { harvestCall, isDeadlineExceeded, type HarvestCall } from './deadline';
import type { RateBudget } from './rateBudget';

/** Harvest's throttle asks for about 15 s; a read keeps waiting through a few lockouts. */
const MAX_THROTTLE_WAITS = 8;
/** The longest `Retry-After` waited out; Harvest asking for more is reported instead of a silent hang. */
export const MAX_RETRY_AFTER_SECONDS = 120;
/** Added to a lockout, so that several processes sharing an account do not all send at its last instant. */
const MAX_JITTER_MS = 1000;
/** Reads are safe to repeat after a dropped connection or a 5xx; a couple of tries is enough. */
const MAX_READ_RETRIES = 2;

function throttleWait(error: unknown): number | undefined {
	const context = (error as { context?: { retryAfterSeconds?: unknown } })?.context;
	return typeof context?.retryAfterSeconds === 'number' ? context.retryAfterSeconds : undefined;
}

/** Records which request a failure came from (see `throttleAppliesTo`). */
export function markRequestMethod(error: unknown, method: string): void {
	const context = (error as { context?: Record<string, unknown> })?.context;
	if (context && context.requestMethod === undefined) context.requestMethod = method.toUpperCase();
}

/**
 * A throttle may be waited out and the call repeated only when it answered this very call: a
 * read-back after a write that got throttled (and gave up) must not make the write go out again.
 */
function throttleAppliesTo(error: unknown, method: string): boolean {
	const origin = (error as { context?: { requestMethod?: unknown } })?.context?.requestMethod;
	return origin === undefined || origin === method.toUpperCase();
}

function httpStatus(error: unknown): number | undefined {
	const code = (error as { httpCode?: unknown })?.httpCode;
	const status = Number(code);
	return Number.isFinite(status) && status > 0 ? status : undefined;
}

/**
 * System errors of a connection that was never made (refused, host name not found): the request
 * did not leave this machine, so Harvest cannot have acted on it.
 */
const NEVER_SENT: Record<string, string> = {
	ECONNREFUSED: 'nothing accepted the connection there',
	ENOTFOUND: 'its host name was not found',
	EAI_AGAIN: 'its host name could not be looked up',
};

/** Why the request never left, when it did not; n8n keeps the system error's code in `httpCode`. */
function neverSentReason(error: unknown): string | undefined {
	const failure = error as { httpCode?: unknown; code?: unknown; cause?: { code?: unknown } } | undefined;
	const code = [failure?.httpCode, failure?.code, failure?.cause?.code].find((value) => typeof value === 'string' && NEVER_SENT[value]);
	return code === undefined ? undefined : NEVER_SENT[code as string];
}

function unreachable(policy: RetryPolicy, reason: string, error: unknown): NodeApiError {
	const where = policy.address === undefined ? '' : ` at ${policy.address}`;
	return new NodeApiError(policy.node, { message: (error as Error)?.message ?? reason } as JsonObject, {
		message: `Harvest could not be reached${where} (${reason}), so nothing was changed`,
		description:
			'The request never left this n8n server. Check the Account Subdomain or the Custom Base URL in the Harvest Invoicing API credential, and that this server can reach that address.',
	});
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

function tooLongWait(node: INode, seconds: number): NodeApiError {
	return new NodeApiError(node, { message: `Retry-After: ${seconds}` } as JsonObject, {
		httpCode: '503',
		message: `Harvest is throttling this account and asked to wait ${Math.ceil(seconds)} s, longer than the ${MAX_RETRY_AFTER_SECONDS} s this node waits`,
		description:
			'Harvest refuses throttled requests before doing anything, so this one changed nothing. Run it again once the wait is over; every call made meanwhile makes Harvest wait longer.',
	});
}

/** Waits for the account's lockout (if any) and a free slot; a lockout beyond the cap is an error. */
async function takeSlot(policy: RetryPolicy): Promise<void> {
	if (!policy.budget) return;
	const locked = policy.budget.pausedFor() / 1000;
	if (locked > MAX_RETRY_AFTER_SECONDS + MAX_JITTER_MS / 1000) throw tooLongWait(policy.node, locked);
	await policy.budget.acquire();
}

async function waitOutThrottle(policy: RetryPolicy, seconds: number): Promise<void> {
	const milliseconds = Math.max(seconds, 1) * 1000;
	// The next attempt (this one's and every other caller's) waits in takeSlot until the end; a
	// lockout beyond the cap stops them all there, as calls made meanwhile would only extend it.
	policy.budget?.pause(milliseconds + Math.random() * MAX_JITTER_MS);
	if (seconds > MAX_RETRY_AFTER_SECONDS) throw tooLongWait(policy.node, seconds);
	if (!policy.budget) await (policy.wait ?? sleep)(milliseconds);
}

/**
 * Runs one Harvest call, waiting out throttling (`503` + `Retry-After`, which Harvest answers
 * before doing anything) for every method, and repeating reads after network errors and 5xx.
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
		await takeSlot(policy);
		const call = harvestCall(policy.budget);
		try {
			return await call.run(attempt);
		} catch (error) {
			call.answered();
			const seconds = throttleAppliesTo(error, policy.method) ? throttleWait(error) : undefined;
			if (seconds !== undefined && throttled < MAX_THROTTLE_WAITS) {
				throttled++;
				await waitOutThrottle(policy, seconds);
				continue;
			}
			const status = httpStatus(error);
			const transient = status === undefined || status >= 500;
			if (isRead && transient && seconds === undefined && !isDeadlineExceeded(error) && readRetries < MAX_READ_RETRIES) {
				readRetries++;
				await wait(500 * readRetries);
				continue;
			}
			const notSent = neverSentReason(error);
			if (notSent !== undefined) throw unreachable(policy, notSent, error);
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
