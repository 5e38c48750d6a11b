import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { harvestAccountKey, RateBudget, type Clock } from '../../../nodes/HarvestInvoicing/transport/rateBudget';
import { withHarvestRetries } from '../../../nodes/HarvestInvoicing/transport/retry';

/** A clock that only moves when someone sleeps on it, so pacing is checked without waiting. */
function fakeClock(): Clock & { sleeps: number[] } {
	let now = 1_000_000;
	const sleeps: number[] = [];
	return {
		sleeps,
		now: () => now,
		sleep: async (milliseconds) => {
			sleeps.push(milliseconds);
			now += milliseconds;
		},
	};
}

const node = { name: 'Harvest Invoicing', type: 'harvestInvoicing', typeVersion: 1 } as INode;

describe('RateBudget', () => {
	it('lets a burst of up to the limit less a margin through, then waits for the first slot to age out', () => {
		const clock = fakeClock();
		const budget = new RateBudget({ limit: 10, windowMs: 1000 }, clock);
		for (let request = 0; request < 6; request++) {
			expect(budget.tryTake()).toBe(0);
			budget.release();
		}
		// 10 less the margin of 4: the seventh waits until the first answer is a full window old.
		expect(budget.tryTake()).toBe(1000);
		void clock.sleep(999);
		expect(budget.tryTake()).toBe(1);
		void clock.sleep(1);
		expect(budget.tryTake()).toBe(0);
	});

	it('counts requests still under way: their slot frees only a window after their answer', () => {
		const clock = fakeClock();
		const budget = new RateBudget({ limit: 6, windowMs: 1000 }, clock);
		expect(budget.tryTake()).toBe(0);
		expect(budget.tryTake()).toBe(0);
		expect(budget.tryTake()).toBe(1000);
		void clock.sleep(5000);
		expect(budget.tryTake()).toBe(1000);
		budget.release();
		void clock.sleep(999);
		expect(budget.tryTake()).toBe(1);
	});

	it('sends nothing during a lockout, whatever the budget left', () => {
		const clock = fakeClock();
		const budget = new RateBudget({ limit: 100, windowMs: 15_000 }, clock);
		budget.pause(15_000);
		expect(budget.tryTake()).toBe(15_000);
		expect(budget.pausedFor()).toBe(15_000);
		void clock.sleep(15_000);
		expect(budget.tryTake()).toBe(0);
	});

	it('paces a long run at the limit: 100 requests through a 10-per-second budget take 16 windows', async () => {
		const clock = fakeClock();
		const budget = new RateBudget({ limit: 10, windowMs: 1000 }, clock);
		const started = clock.now();
		for (let request = 0; request < 100; request++) {
			await budget.acquire();
			budget.release();
		}
		// 6 a window (10 less the margin): 16 bursts, the last one 16 windows after the start.
		expect(clock.now() - started).toBe(16_000);
	});

	it('without a limit it never waits, but a lockout still holds', () => {
		const clock = fakeClock();
		const budget = new RateBudget(false, clock);
		for (let request = 0; request < 1000; request++) expect(budget.tryTake()).toBe(0);
		budget.pause(2000);
		expect(budget.tryTake()).toBe(2000);
	});
});

describe('harvestAccountKey', () => {
	const basic = { subdomain: 'acme', authentication: 'basic', email: 'ann@example.com', password: 'secret-pw', baseUrl: '' };

	it('is one key per account and login, and holds no secret in clear', () => {
		const key = harvestAccountKey(basic);
		expect(key).toBe(harvestAccountKey({ ...basic, password: 'another' }));
		expect(key).not.toBe(harvestAccountKey({ ...basic, subdomain: 'other' }));
		expect(key).not.toBe(harvestAccountKey({ ...basic, baseUrl: 'http://127.0.0.1:3210' }));
		const token = harvestAccountKey({ ...basic, authentication: 'accessToken', accessToken: 'tok-123' });
		expect(token).not.toContain('tok-123');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('withHarvestRetries with a budget', () => {
	const throttled = (seconds: number) => {
		const error = new NodeApiError(node, { message: 'throttled' } as JsonObject, { httpCode: '503', message: 'throttled' });
		error.context.retryAfterSeconds = seconds;
		return error;
	};

	it('pauses the whole account for Retry-After (plus jitter) and sends again only after it', async () => {
		const clock = fakeClock();
		const budget = new RateBudget({ limit: 100, windowMs: 15_000 }, clock);
		const sentAt: number[] = [];
		let calls = 0;
		const result = await withHarvestRetries(
			async () => {
				sentAt.push(clock.now());
				if (calls++ === 0) throw throttled(15);
				return 'done';
			},
			{ node, method: 'GET', budget },
		);
		expect(result).toBe('done');
		const waited = sentAt[1] - sentAt[0];
		expect(waited).toBeGreaterThanOrEqual(15_000);
		expect(waited).toBeLessThanOrEqual(16_000);
	});

	it('refuses a Retry-After above 120 s with an error saying how long Harvest asked to wait', async () => {
		const budget = new RateBudget({ limit: 100, windowMs: 15_000 }, fakeClock());
		const attempt = withHarvestRetries(
			async () => {
				throw throttled(600);
			},
			{ node, method: 'POST', budget },
		);
		await expect(attempt).rejects.toThrow(
			'Harvest is throttling this account and asked to wait 600 s, longer than the 120 s this node waits',
		);
		// Other callers of the account do not send into that lockout either: they get the same error.
		expect(budget.pausedFor()).toBeGreaterThanOrEqual(600_000);
		await expect(withHarvestRetries(async () => 'sent', { node, method: 'GET', budget })).rejects.toThrow(
			/asked to wait 60\d s/,
		);
	});
});
