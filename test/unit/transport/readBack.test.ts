import { NodeApiError } from 'n8n-workflow';

import { readBackAfterWrite } from '../../../nodes/HarvestInvoicing/transport/readBack';
import { withHarvestRetries } from '../../../nodes/HarvestInvoicing/transport/retry';
import { NODE, answer } from '../resources/fakeContext';

describe('readBackAfterWrite', () => {
	it('returns what the read gives', async () => {
		expect(await readBackAfterWrite(NODE, answer(201), 'recorded the payment', async () => 'payment')).toBe('payment');
	});

	it('says the change was made when the read fails, whatever the failure', async () => {
		const failing = async () => {
			throw new Error('socket hang up');
		};
		const error = await readBackAfterWrite(NODE, answer(201), 'recorded the payment', failing).catch(
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('Harvest recorded the payment, but reading the result back failed');
		expect((error as NodeApiError).description).toBe(
			'socket hang up. The change was not sent again: check it with a Get operation or in Harvest before running this again.',
		);
	});

	it('is never a reason for the retry rules to send the write again', async () => {
		let writes = 0;
		const writeThenFailToRead = async () => {
			writes++;
			return await readBackAfterWrite(NODE, answer(201), 'recorded the payment', async () => {
				// A read that failed without an answer, the most retry-prone kind of failure.
				throw new Error('ECONNRESET');
			});
		};
		const wait = jest.fn(async () => undefined);
		await expect(withHarvestRetries(writeThenFailToRead, { node: NODE, method: 'POST', wait })).rejects.toThrow(
			'Harvest recorded the payment, but reading the result back failed',
		);
		expect(writes).toBe(1);
		expect(wait).not.toHaveBeenCalled();
	});
});
