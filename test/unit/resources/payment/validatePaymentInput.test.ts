import { NodeOperationError } from 'n8n-workflow';

import { validatePaymentInput } from '../../../../nodes/HarvestInvoicing/resources/payment/hooks/validatePaymentInput';
import { v1Wire } from '../../v1Wire';
import { fakeContext, requestWithBody } from '../fakeContext';

describe('validatePaymentInput', () => {
	const run = async (payment: Record<string, unknown>, itemIndex = 0) => {
		const { context } = fakeContext({ itemIndex });
		return await validatePaymentInput.call(context, requestWithBody({ payment }));
	};

	it('writes the amount as a number and Paid At as Harvest writes it', async () => {
		const options = await run({ amount: '125.25', paidAt: '2026-06-10', notes: 'Cheque' });
		expect(await v1Wire('payment:create', options.body)).toEqual({ payment: { amount: 125.25, paid_at: '2026-06-10T00:00:00Z', notes: 'Cheque' } });
	});

	it.each([
		[{ amount: 0, paidAt: '2026-06-10' }, 'Amount must be at least 0.01'],
		[{ amount: '1,000', paidAt: '2026-06-10' }, 'Amount must be a number with a decimal point'],
		[{ paidAt: '2026-06-10' }, 'Amount must be a number'],
		[{ amount: 10, paidAt: '' }, 'Paid At must be a date or a date and time'],
		[{ amount: 10, paidAt: '2026-02-30' }, 'Paid At must be a date or a date and time'],
	])('refuses %j with a NodeOperationError naming the field', async (payment, message) => {
		const error = await run(payment, 3).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toContain(message);
		expect((error as NodeOperationError).context.itemIndex).toBe(3);
	});
});
