import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

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
