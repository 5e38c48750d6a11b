import { formatDate, formatDateTime } from './dates';

/** The fixed instant the sandbox starts at unless told otherwise; seeded invoices are dated before it. */
export const DEFAULT_NOW = '2026-06-15T12:00:00Z';

/**
 * The sandbox's own clock, used for created/updated/due dates and "past due". It stands still unless a
 * test advances it, so that runs are reproducible. (The throttle uses real time instead.)
 */
export class SandboxClock {
	private nowMs: number;

	constructor(start: string = DEFAULT_NOW) {
		this.nowMs = SandboxClock.parse(start);
	}

	static parse(instant: string): number {
		const ms = Date.parse(instant);
		if (Number.isNaN(ms)) throw new Error(`Not a valid instant for the sandbox clock: ${instant}`);
		return ms;
	}

	now(): Date {
		return new Date(this.nowMs);
	}

	nowMillis(): number {
		return this.nowMs;
	}

	/** The current instant as a Harvest datetime (`YYYY-MM-DDTHH:MM:SSZ`). */
	timestamp(): string {
		return formatDateTime(this.nowMs);
	}

	/** The sandbox's current date in UTC (`YYYY-MM-DD`). */
	today(): string {
		return formatDate(this.nowMs);
	}

	advance(ms: number): void {
		if (!Number.isFinite(ms) || ms < 0) throw new Error('The sandbox clock only moves forward');
		this.nowMs += ms;
	}

	set(instant: string): void {
		this.nowMs = SandboxClock.parse(instant);
	}
}
