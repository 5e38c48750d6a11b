import { readBackAfterWrite } from '../../../nodes/HarvestInvoicing/transport/readBack';
import { withHarvestRetries } from '../../../nodes/HarvestInvoicing/transport/retry';
import { NODE } from '../resources/fakeContext';

describe('readBackAfterWrite', () => {
	it('returns what the read gives, paired with the item', async () => {
		expect(await readBackAfterWrite('recorded the payment', 2, { id: 7 }, async () => ({ id: 7, amount: 5 }))).toEqual([
			{ json: { id: 7, amount: 5 }, pairedItem: { item: 2 } },
		]);
	});

	it('is a success item with what is known when the read fails, whatever the failure', async () => {
		const failing = async () => {
			throw Object.assign(new Error('Harvest is unavailable or throttling requests (HTTP 503)'), {
				description: 'Harvest asked to retry after 15 seconds.',
			});
		};
		expect(await readBackAfterWrite('recorded the payment', 0, { id: 7, invoice_id: 3 }, failing)).toEqual([
			{
				json: {
					id: 7,
					invoice_id: 3,
					read_back_error:
						'Harvest recorded the payment, but reading the result back failed: Harvest is unavailable or throttling requests (HTTP 503): Harvest asked to retry after 15 seconds.',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('is never a reason for the retry rules to send the write again', async () => {
		let writes = 0;
		const writeThenFailToRead = async () => {
			writes++;
			return await readBackAfterWrite('recorded the payment', 0, { id: 7 }, async () => {
				// A read that failed without an answer, the most retry-prone kind of failure.
				throw new Error('ECONNRESET');
			});
		};
		const wait = jest.fn(async () => undefined);
		const items = await withHarvestRetries(writeThenFailToRead, { node: NODE, method: 'POST', wait });
		expect(items[0].json.read_back_error).toContain('ECONNRESET');
		expect(writes).toBe(1);
		expect(wait).not.toHaveBeenCalled();
	});
});
