import { wrappedRecord } from '../../../nodes/HarvestInvoicing/transport/requestBody';

describe('wrappedRecord', () => {
	it('returns the record inside the wrapper, for the hook to change in place', () => {
		const options = { url: '/x', body: { payment: { amount: 1 } } };
		wrappedRecord(options, 'payment').amount = 2;
		expect(options.body).toEqual({ payment: { amount: 2 } });
	});

	it('creates the wrapper when no field routed a value, so checks report the missing field', () => {
		const options: { url: string; body?: object } = { url: '/x' };
		expect(wrappedRecord(options, 'message')).toEqual({});
		expect(options.body).toEqual({ message: {} });
	});
});
