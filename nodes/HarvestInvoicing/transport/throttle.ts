import { NodeApiError, sleep } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { HARVEST_RATE_LIMIT, type RateBudget } from './rateBudget';

/** The longest `Retry-After` waited out; Harvest asking for more is reported instead of a silent hang. */
export const MAX_RETRY_AFTER_SECONDS = 120;
/** Added to a lockout, so that several processes sharing an account do not all send at its last instant. */
const MAX_JITTER_MS = 1000;

/** What a throttle answer allows: how long the account waits, and whether this call may go again. */
export interface Throttle {
	seconds: number;
	/** Harvest's throttle refused it before acting (a stated Retry-After, or a 429): safe to send again. */
	refusedBeforeActing: boolean;
}

interface ThrottleContext {
	retryAfterSeconds?: unknown;
	throttled?: unknown;
	refusedBeforeActing?: unknown;
	requestMethod?: unknown;
}

/**
 * The throttle that answered this very call (see errors.ts), if any. Without a usable Retry-After
 * the account waits Harvest's window (15 s; the budget's own window when tests shrink it), as
 * sending sooner would only extend the lockout. A throttle from another request (a read-back
 * after a write) is not this call's: it must not make the write go out again.
 */
export function throttleOf(error: unknown, method: string, budget: RateBudget | undefined): Throttle | undefined {
	const context = (error as { context?: ThrottleContext })?.context;
	if (context === undefined) return undefined;
	if (context.requestMethod !== undefined && context.requestMethod !== method.toUpperCase()) return undefined;
	if (typeof context.retryAfterSeconds === 'number') return { seconds: context.retryAfterSeconds, refusedBeforeActing: true };
	if (context.throttled !== true) return undefined;
	const windowMs = budget?.windowMs() ?? HARVEST_RATE_LIMIT.windowMs;
	return { seconds: windowMs / 1000, refusedBeforeActing: context.refusedBeforeActing === true };
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
export async function takeSlot(node: INode, budget: RateBudget | undefined): Promise<void> {
	if (!budget) return;
	const locked = budget.pausedFor() / 1000;
	if (locked > MAX_RETRY_AFTER_SECONDS + MAX_JITTER_MS / 1000) throw tooLongWait(node, locked);
	await budget.acquire();
}

/**
 * Locks the whole account for `seconds` plus jitter: the next attempt (this one's and every
 * other caller's) waits in takeSlot until the end. A lockout beyond the cap stops them all
 * there, as calls made meanwhile would only extend it.
 */
export function pauseAccount(node: INode, budget: RateBudget | undefined, seconds: number): void {
	budget?.pause(Math.max(seconds, 1) * 1000 + Math.random() * MAX_JITTER_MS);
	if (seconds > MAX_RETRY_AFTER_SECONDS) throw tooLongWait(node, seconds);
}

/** Pauses the account, then returns once the call may go again (without a budget: after a sleep). */
export async function waitOutThrottle(
	node: INode,
	budget: RateBudget | undefined,
	seconds: number,
	wait: (milliseconds: number) => Promise<void> = sleep,
): Promise<void> {
	pauseAccount(node, budget, seconds);
	if (!budget) await wait(Math.max(seconds, 1) * 1000);
}

/** A throttled write not sent again: the answer did not show that Harvest left it undone. */
export function unsureThrottledWrite(node: INode, error: unknown, seconds: number): NodeApiError {
	return new NodeApiError(node, { message: (error as Error)?.message ?? 'throttled' } as JsonObject, {
		httpCode: (error as { httpCode?: string })?.httpCode ?? undefined,
		message: 'Harvest answered that it is unavailable or throttling, without saying how long to wait, so it is unknown whether the change was made',
		description: `Harvest's own throttle always says how long to wait; without that, the answer may come from a proxy after Harvest acted. It was not sent again, to avoid a duplicate invoice, payment or email: check in Harvest (or with a Get operation) before running it again. This account sends nothing for the next ${Math.ceil(seconds)} s, Harvest's throttle window.`,
	});
}
