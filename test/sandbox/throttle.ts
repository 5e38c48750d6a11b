/**
 * Harvest's rate limit: more than `limit` requests within `windowSeconds` answers 503 with
 * `Retry-After`. Every call made while locked out pushes the end of the lockout a full window
 * further, as Harvest documents. Real time is used (not the sandbox clock), because clients wait
 * real seconds before they retry.
 */
export interface ThrottleSettings {
	limit: number;
	/** May be fractional (e.g. 0.5) so tests need not wait long; Retry-After is rounded up to whole seconds. */
	windowSeconds: number;
}

export const HARVEST_THROTTLE: Readonly<ThrottleSettings> = Object.freeze({ limit: 100, windowSeconds: 15 });

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface ThrottleStatus {
	limit: number | null;
	windowSeconds: number | null;
	requestCount: number;
	lockoutSeconds: number;
	lastAccessAt: number | null;
}

export class Throttle {
	private settings: ThrottleSettings | false;
	private acceptedAt: number[] = [];
	private lockedUntil = 0;
	private lastAccessAt: number | null = null;

	constructor(
		settings: ThrottleSettings | false,
		private readonly realNow: () => number = Date.now,
	) {
		this.settings = validated(settings);
	}

	configure(settings: ThrottleSettings | false): void {
		this.settings = validated(settings);
		this.reset();
	}

	current(): ThrottleSettings | false {
		return this.settings;
	}

	reset(): void {
		this.acceptedAt = [];
		this.lockedUntil = 0;
	}

	/** Counts one request and says whether it may go through. */
	check(): ThrottleVerdict {
		const now = this.realNow();
		this.lastAccessAt = now;
		if (!this.settings) return { allowed: true };
		const windowMs = this.settings.windowSeconds * 1000;
		if (now < this.lockedUntil) {
			this.lockedUntil = now + windowMs;
			return { allowed: false, retryAfterSeconds: secondsUntil(this.lockedUntil, now) };
		}
		this.forgetBefore(now - windowMs);
		if (this.acceptedAt.length >= this.settings.limit) {
			this.lockedUntil = now + windowMs;
			return { allowed: false, retryAfterSeconds: secondsUntil(this.lockedUntil, now) };
		}
		this.acceptedAt.push(now);
		return { allowed: true };
	}

	/** What `/account/rate_limit_status` reports; reading it does not count as a request. */
	status(): ThrottleStatus {
		const now = this.realNow();
		if (!this.settings) return { limit: null, windowSeconds: null, requestCount: 0, lockoutSeconds: 0, lastAccessAt: this.lastAccessAt };
		this.forgetBefore(now - this.settings.windowSeconds * 1000);
		return {
			limit: this.settings.limit,
			windowSeconds: this.settings.windowSeconds,
			requestCount: this.acceptedAt.length,
			lockoutSeconds: now < this.lockedUntil ? secondsUntil(this.lockedUntil, now) : 0,
			lastAccessAt: this.lastAccessAt,
		};
	}

	private forgetBefore(cutoff: number): void {
		let expired = 0;
		while (expired < this.acceptedAt.length && this.acceptedAt[expired] <= cutoff) expired++;
		if (expired > 0) this.acceptedAt.splice(0, expired);
	}
}

function secondsUntil(until: number, now: number): number {
	return Math.max(1, Math.ceil((until - now) / 1000));
}

function validated(settings: ThrottleSettings | false): ThrottleSettings | false {
	if (settings === false) return false;
	if (!Number.isInteger(settings.limit) || settings.limit < 1) throw new Error('throttle.limit must be a whole number >= 1');
	if (!(settings.windowSeconds > 0)) throw new Error('throttle.windowSeconds must be > 0');
	return { limit: settings.limit, windowSeconds: settings.windowSeconds };
}
