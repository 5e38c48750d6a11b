import { createHash } from 'node:crypto';

import { sleep } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { dialectOf } from './dialect';

/** Harvest throttles past 100 requests in 15 s (on either API), and every call made while throttled extends it. */
export interface RateLimit {
	limit: number;
	windowMs: number;
}

export const HARVEST_RATE_LIMIT: Readonly<RateLimit> = Object.freeze({ limit: 100, windowMs: 15_000 });

/** Requests of each window left to other tools using the same account (Harvest's web app, a script). */
const MARGIN = 4;

export interface Clock {
	now: () => number;
	sleep: (milliseconds: number) => Promise<void>;
}

const REAL_CLOCK: Clock = { now: () => Date.now(), sleep };

/**
 * The request budget of one Harvest account. A request holds a slot from the moment it is sent
 * until a full window after its answer came back: Harvest counts it somewhere in between, so the
 * slot is free again only once Harvest has surely forgotten it. No timing margin is needed then,
 * whatever the latency. A throttle answer pauses the whole account until the lockout is over.
 */
export class RateBudget {
	private inFlight = 0;
	private answeredAt: number[] = [];
	private pausedUntil = 0;

	constructor(
		private readonly rate: RateLimit | false,
		private readonly clock: Clock = REAL_CLOCK,
	) {}

	/** How many requests may be under way or remembered by Harvest at once. */
	private capacity(): number {
		return this.rate === false ? Infinity : Math.max(1, this.rate.limit - MARGIN);
	}

	/** Takes a slot when one is free (returns 0), otherwise says how long to wait before asking again. */
	tryTake(): number {
		const now = this.clock.now();
		if (now < this.pausedUntil) return this.pausedUntil - now;
		if (this.rate !== false) {
			const cutoff = now - this.rate.windowMs;
			while (this.answeredAt.length > 0 && this.answeredAt[0] <= cutoff) this.answeredAt.shift();
		}
		if (this.inFlight + this.answeredAt.length < this.capacity()) {
			this.inFlight++;
			return 0;
		}
		const window = (this.rate as RateLimit).windowMs;
		// Every slot is held by a request still under way: none frees before a window after its answer.
		return this.answeredAt.length > 0 ? this.answeredAt[0] + window - now : window;
	}

	/** Gives the slot back once the request has its answer (or gave up). */
	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (this.rate !== false) this.answeredAt.push(this.clock.now());
	}

	/** Harvest locked the account out: nobody sends before `milliseconds` from now. */
	pause(milliseconds: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + milliseconds);
	}

	/** The throttle window this budget paces for; undefined when it does not pace. */
	windowMs(): number | undefined {
		return this.rate === false ? undefined : this.rate.windowMs;
	}

	/** Milliseconds left of a lockout, 0 when none. */
	pausedFor(): number {
		return Math.max(0, this.pausedUntil - this.clock.now());
	}

	async acquire(): Promise<void> {
		for (let wait = this.tryTake(); wait > 0; wait = this.tryTake()) await this.clock.sleep(wait);
	}
}

let rateLimit: RateLimit | false = HARVEST_RATE_LIMIT;
const budgets = new Map<string, RateBudget>();

/**
 * Overrides the pace for tests and benchmarks against a sandbox with a smaller throttle (or none:
 * `false` stops pacing, a throttle answer still pauses). Existing budgets are dropped.
 */
export function setHarvestRateLimit(rate: RateLimit | false): void {
	rateLimit = rate === false ? false : { limit: rate.limit, windowMs: rate.windowMs };
	budgets.clear();
}

/**
 * One budget per Harvest account, shared by every item, operation and execution in this process.
 * The key is a hash: the token (which identifies the account) never sits in memory in clear here.
 */
export function harvestBudget(credentials: ICredentialDataDecryptedObject): RateBudget {
	const key = harvestAccountKey(credentials);
	let budget = budgets.get(key);
	if (budget === undefined) {
		budget = new RateBudget(rateLimit);
		budgets.set(key, budget);
	}
	return budget;
}

export function harvestAccountKey(credentials: ICredentialDataDecryptedObject): string {
	return createHash('sha256').update(dialectOf(credentials).accountIdentity(credentials)).digest('hex');
}
