import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { harvestApiError, retryAfterSeconds, type HarvestHttpResponse } from '../../../nodes/HarvestInvoicing/transport/errors';
import { RateBudget, type Clock } from '../../../nodes/HarvestInvoicing/transport/rateBudget';
import { markRequestMethod, withHarvestRetries } from '../../../nodes/HarvestInvoicing/transport/retry';

const node = { name: 'Harvest Invoicing', type: 'harvestInvoicing', typeVersion: 1 } as INode;

function harvestError(httpCode: string | undefined, retryAfterSeconds?: number): NodeApiError {
	const error = new NodeApiError(node, { message: 'failed' } as JsonObject, { httpCode, message: 'failed' });
	if (retryAfterSeconds !== undefined) error.context.retryAfterSeconds = retryAfterSeconds;
	return error;
}

/** Runs `withHarvestRetries` over a scripted series of outcomes; returns the calls and waits made. */
async function run(method: string, outcomes: Array<Error | 'ok'>) {
	let calls = 0;
	const waits: number[] = [];
	const result = withHarvestRetries(
		async () => {
			const outcome = outcomes[calls++];
			if (outcome === 'ok') return 'done';
			throw outcome;
		},
		{ node, method, wait: async (ms) => void waits.push(ms) },
	);
	return { result, calls: () => calls, waits };
}

describe('withHarvestRetries', () => {
	it('waits out a throttle for the Retry-After seconds, then repeats the call (reads and writes)', async () => {
		for (const method of ['GET', 'POST']) {
			const attempt = await run(method, [harvestError('503', 3), 'ok']);
			await expect(attempt.result).resolves.toBe('done');
			expect(attempt.calls()).toBe(2);
			expect(attempt.waits).toEqual([3000]);
		}
	});

	it('repeats a read after a dropped connection or a 5xx, a bounded number of times', async () => {
		const attempt = await run('GET', [new Error('socket hang up'), harvestError('502'), harvestError('500')]);
		await expect(attempt.result).rejects.toThrow();
		expect(attempt.calls()).toBe(3);
	});

	it('never re-sends a write that failed without an answer, and says so', async () => {
		const attempt = await run('POST', [new Error('socket hang up'), 'ok']);
		await expect(attempt.result).rejects.toThrow(/unknown whether the change was made/);
		expect(attempt.calls()).toBe(1);
	});

	it('says a write that never left (refused, host not found) changed nothing; a reset or timeout stays unknown', async () => {
		const systemError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
		for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
			const attempt = await run('POST', [systemError(code), 'ok']);
			await expect(attempt.result).rejects.toThrow(/^Harvest could not be reached \(.*\), so nothing was changed$/);
			expect(attempt.calls()).toBe(1);
		}
		// As n8n wraps it: the system error's code becomes the error's httpCode.
		const attempt = await run('DELETE', [harvestError('ECONNREFUSED'), 'ok']);
		await expect(attempt.result).rejects.toThrow('Harvest could not be reached (nothing accepted the connection there), so nothing was changed');
		for (const code of ['ECONNRESET', 'ETIMEDOUT']) {
			const ambiguous = await run('POST', [systemError(code), 'ok']);
			await expect(ambiguous.result).rejects.toThrow(/unknown whether the change was made/);
		}
	});

	it('does not re-send a write because a read-back inside it was throttled', async () => {
		const readBackThrottle = harvestError('503', 1);
		markRequestMethod(readBackThrottle, 'GET');
		const attempt = await run('POST', [readBackThrottle, 'ok']);
		await expect(attempt.result).rejects.toBe(readBackThrottle);
		expect(attempt.calls()).toBe(1);
	});

	it('passes a Harvest refusal (4xx) through untouched, without retrying', async () => {
		const refusal = harvestError('422');
		const attempt = await run('GET', [refusal, 'ok']);
		await expect(attempt.result).rejects.toBe(refusal);
		expect(attempt.calls()).toBe(1);
	});
});

describe('a throttle answer without a usable Retry-After', () => {
	const answer = (statusCode: number, headers: Record<string, string> = {}): HarvestHttpResponse => ({ statusCode, headers, body: '' });
	const sent = 'Wed, 21 Oct 2026 07:28:00 GMT';

	it('reads Retry-After in seconds or as an HTTP-date (from the answer\'s Date), and nothing else', () => {
		expect(retryAfterSeconds(answer(503, { 'retry-after': '15' }))).toBe(15);
		expect(retryAfterSeconds(answer(429, { date: sent, 'retry-after': 'Wed, 21 Oct 2026 07:28:20 GMT' }))).toBe(20);
		expect(retryAfterSeconds(answer(429, { date: sent, 'retry-after': 'Wed, 21 Oct 2026 07:27:00 GMT' }))).toBe(0);
		expect(retryAfterSeconds(answer(503, { 'retry-after': '15 seconds' }))).toBeUndefined();
		expect(retryAfterSeconds(answer(503))).toBeUndefined();
		expect(retryAfterSeconds(answer(500, { 'retry-after': '15' }))).toBeUndefined();
	});

	/** A clock that moves only when slept on; the budget does not pace, so only a lockout waits. */
	function fakeClock(): Clock {
		let now = 1_000_000;
		return { now: () => now, sleep: async (milliseconds) => void (now += milliseconds) };
	}

	async function attempts(method: string, first: HarvestHttpResponse) {
		const clock = fakeClock();
		const budget = new RateBudget(false, clock);
		const sentAt: number[] = [];
		const result = withHarvestRetries(
			async () => {
				sentAt.push(clock.now());
				if (sentAt.length === 1) throw harvestApiError(node, first);
				return 'done';
			},
			{ node, method, budget },
		);
		return { result, sentAt, budget };
	}

	it.each([
		['a v1 503 without it', answer(503)],
		['a v2 429 without it', answer(429)],
		['a Retry-After that is no number or date', answer(429, { 'retry-after': 'soon' })],
	])('%s pauses the whole account for Harvest\'s 15 s window (plus jitter) before a read goes again', async (_case, response) => {
		const { result, sentAt } = await attempts('GET', response);
		await expect(result).resolves.toBe('done');
		expect(sentAt[1] - sentAt[0]).toBeGreaterThanOrEqual(15_000);
		expect(sentAt[1] - sentAt[0]).toBeLessThanOrEqual(16_000);
	});

	it('sends a write again after the window on a 429 (a refusal for the rate), never on a bare 503', async () => {
		const refused = await attempts('POST', answer(429));
		await expect(refused.result).resolves.toBe('done');
		expect(refused.sentAt[1] - refused.sentAt[0]).toBeGreaterThanOrEqual(15_000);

		const unsure = await attempts('POST', answer(503));
		await expect(unsure.result).rejects.toThrow('unknown whether the change was made');
		expect(unsure.sentAt).toHaveLength(1);
		// The account still waits: every other call holds back for the window.
		expect(unsure.budget.pausedFor()).toBeGreaterThanOrEqual(15_000);
	});

	it('keeps the cap: an HTTP-date beyond 120 s is an error, not a silent wait', async () => {
		const { result } = await attempts('GET', answer(503, { date: sent, 'retry-after': 'Wed, 21 Oct 2026 07:38:00 GMT' }));
		await expect(result).rejects.toThrow('asked to wait 600 s, longer than the 120 s this node waits');
	});
});
