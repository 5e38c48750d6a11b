import { SeededRandom } from './random';

/**
 * Faults tests switch on to see how a client copes with a bad day at Harvest.
 * - `throttle`: 503 with `Retry-After` and Harvest's throttle body (the real throttle is untouched);
 *   `retryAfter: 'date'` writes the header as an HTTP-date, `'none'` leaves it out.
 * - `500`, `502`: that status with an error body in the request's format.
 * - `503`: an outage (not the throttle's body), with `Retry-After` when `retryAfterSeconds` is given:
 *   on v2, whose throttle is 429, a client must not take it for the throttle.
 * - `reset`: the socket is destroyed without an answer.
 * - `slow`: the normal answer, `delayMs` later.
 * - `trickle`: the normal status and headers at once, then the body a few bytes every `delayMs`
 *   (default 1000), so that the connection is never idle long while the whole answer takes long.
 *   The request is applied (in either phase).
 * - `malformed`: the normal status and headers with a body that is not valid JSON/XML.
 * - `truncated`: the normal status with a Content-Length for the whole body, half the body, then the
 *   connection is closed (the client sees the body end early).
 * - `html`: an HTML error page (status 500, or `status: 502`), as a proxy in front of Harvest sends.
 * Hostile answers, for checking what a client trusts:
 * - `redirect`: `status` (302 by default; 301, 303, 307 or 308) with `Location: location`, e.g. a
 *   URL on another server that records what it receives.
 * - `echoAuth`: 401 with an error body repeating the request's Authorization header and the
 *   credentials it carries, as a careless proxy or debug page does. With `status: 200`, a success
 *   whose body is the bare secret the request carried (Basic's password, Bearer's token), read as
 *   neither JSON nor XML: in XML as the name of an element left open, so parsers quote it.
 * - `entities`: 200 with a small XML document whose DOCTYPE defines an entity used thousands of
 *   times (under 60 KB on the wire, over 200 MB once expanded), whatever format was asked for.
 * - `loginPage`: 200 with an HTML sign-in page, as a captive portal or SSO proxy answers.
 * - `oversized`: the normal answer padded with trailing whitespace to `bytes` bytes (default 11 MB).
 */
export type FaultKind =
	| 'throttle'
	| '500'
	| '502'
	| '503'
	| 'reset'
	| 'slow'
	| 'trickle'
	| 'malformed'
	| 'truncated'
	| 'html'
	| 'redirect'
	| 'echoAuth'
	| 'entities'
	| 'loginPage'
	| 'oversized';

export const FAULT_KINDS: readonly FaultKind[] = [
	'throttle',
	'500',
	'502',
	'503',
	'reset',
	'slow',
	'trickle',
	'malformed',
	'truncated',
	'html',
	'redirect',
	'echoAuth',
	'entities',
	'loginPage',
	'oversized',
];

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

export interface FaultRule {
	kind: FaultKind;
	/** HTTP method to match (`GET`, `POST`...); any method when absent. */
	method?: string;
	/**
	 * Path to match, without query string. A string pattern is matched segment by segment against the
	 * canonical path (`/invoices/...`, `/messages`, `/payments`) and against the path as sent:
	 * `:name` or `*` matches one segment, a final `**` any number of segments
	 * (`/invoices/:id/payments`, `/invoices/**`). A RegExp (in-process only) is tested on both paths.
	 * Every path when absent.
	 */
	path?: string | RegExp;
	/** Only the next `times` matching requests get the fault, then the rule is gone. Unlimited when absent. */
	times?: number;
	/** Chance (0..1) that a matching request gets the fault, drawn from a PRNG seeded with `seed`. */
	probability?: number;
	/** Seed of that PRNG (default 1), so random faults are reproducible. */
	seed?: number;
	/**
	 * `before` (default): the request is not applied, the fault is the answer.
	 * `after`: the request is applied to the data, then the fault replaces the answer; this is the
	 * ambiguous write a client must not blindly send again.
	 */
	phase?: 'before' | 'after';
	/** For `slow`: how long to wait, in ms (default 1000); for `trickle`: the pause between chunks. */
	delayMs?: number;
	/** For `throttle`: the Retry-After value in whole seconds (default 1); for `503`: sent only when given. */
	retryAfterSeconds?: number;
	/** For `throttle`: how Retry-After is written: `seconds` (default), an HTTP-date, or `none` at all. */
	retryAfter?: 'seconds' | 'date' | 'none';
	/** For `html`: 500 (default) or 502. For `redirect`: 301, 302 (default), 303, 307 or 308. For `echoAuth`: 401 (default) or 200. */
	status?: number;
	/** For `redirect`: the Location header (an absolute URL or a path). */
	location?: string;
	/** For `oversized`: the body size in bytes (default 11 MB). */
	bytes?: number;
}

interface ActiveRule {
	rule: FaultRule;
	remaining: number;
	random: SeededRandom | undefined;
}

/** The fault rules in force; the first matching rule that fires decides. */
export class FaultRules {
	private rules: ActiveRule[] = [];

	add(rule: FaultRule): void {
		this.rules.push({
			rule: validated(rule),
			remaining: rule.times ?? Number.POSITIVE_INFINITY,
			random: rule.probability === undefined ? undefined : new SeededRandom(rule.seed ?? 1),
		});
	}

	clear(): void {
		this.rules = [];
	}

	list(): FaultRule[] {
		return this.rules.map(({ rule, remaining }) => (Number.isFinite(remaining) ? { ...rule, times: remaining } : { ...rule }));
	}

	/** The fault for this request, if any; a rule limited by `times` is used up by firing. */
	take(method: string, canonicalPath: string, rawPath: string): FaultRule | undefined {
		for (const active of this.rules) {
			const { rule } = active;
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path !== undefined && !pathMatches(rule.path, canonicalPath) && !pathMatches(rule.path, rawPath)) continue;
			if (active.random && !active.random.chance(rule.probability as number)) continue;
			active.remaining -= 1;
			if (active.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== active);
			return rule;
		}
		return undefined;
	}
}

export function pathMatches(pattern: string | RegExp, path: string): boolean {
	if (pattern instanceof RegExp) return pattern.test(path);
	const wanted = pattern.replace(/\/+$/, '').split('/');
	const actual = path.replace(/\/+$/, '').split('/');
	for (let index = 0; index < wanted.length; index++) {
		if (wanted[index] === '**' && index === wanted.length - 1) return true;
		if (index >= actual.length) return false;
		if (wanted[index] !== '*' && !wanted[index].startsWith(':') && wanted[index] !== actual[index]) return false;
	}
	return wanted.length === actual.length;
}

function validated(rule: FaultRule): FaultRule {
	if (!FAULT_KINDS.includes(rule.kind)) throw new Error(`Unknown fault kind "${String(rule.kind)}"; use one of ${FAULT_KINDS.join(', ')}`);
	if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) throw new Error('fault.times must be a whole number > 0');
	if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) throw new Error('fault.probability must be between 0 and 1');
	if (rule.phase !== undefined && rule.phase !== 'before' && rule.phase !== 'after') throw new Error('fault.phase must be "before" or "after"');
	if (rule.kind === 'html' && rule.status !== undefined && rule.status !== 500 && rule.status !== 502) throw new Error('fault.status must be 500 or 502');
	if (rule.retryAfter !== undefined && !['seconds', 'date', 'none'].includes(rule.retryAfter)) throw new Error('fault.retryAfter must be "seconds", "date" or "none"');
	if (rule.kind === 'echoAuth' && rule.status !== undefined && rule.status !== 401 && rule.status !== 200) throw new Error('fault.status must be 401 or 200');
	if (rule.kind === 'redirect' && rule.status !== undefined && !REDIRECT_STATUSES.includes(rule.status)) throw new Error(`fault.status must be one of ${REDIRECT_STATUSES.join(', ')}`);
	if (rule.kind === 'redirect' && !rule.location) throw new Error('fault.location is needed for a redirect');
	if (rule.bytes !== undefined && !(Number.isInteger(rule.bytes) && rule.bytes > 0)) throw new Error('fault.bytes must be a whole number > 0');
	return { ...rule };
}
