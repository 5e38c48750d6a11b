import { requirePositiveAmount } from '../../../nodes/HarvestInvoicing/shared/amounts';
import { NODE } from '../resources/fakeContext';

describe('requirePositiveAmount', () => {
	const amount = (value: unknown) => requirePositiveAmount(NODE, 'Amount', value, 0);

	it.each([
		[300, 300],
		[0.01, 0.01],
		['1250.50', 1250.5],
		[' 7 ', 7],
	])('accepts %j as %d', (value, expected) => {
		expect(amount(value)).toBe(expected);
	});

	it.each([[0], [-1], ['-0.5'], [0.001], ['0.009'], [Number.MIN_VALUE]])('refuses %j as less than one cent', (value) => {
		expect(() => amount(value)).toThrow('Amount must be at least 0.01');
	});

	it.each([['1,250.50'], ['12,5'], ['ten'], [''], [null], [Number.NaN], [Infinity]])(
		'refuses %j as not a number',
		(value) => {
			expect(() => amount(value)).toThrow('Amount must be a number with a decimal point');
		},
	);
});
