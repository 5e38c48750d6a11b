import { dueAtHumanFormat } from '../../../nodes/HarvestInvoicing/transport/v1/dueTerms';
import { TEST_NODE } from '../invoice/fakeContext';

describe('due terms', () => {
	it.each([
		['uponReceipt', undefined, 'upon receipt'],
		['net15', undefined, 'NET 15'],
		['net30', undefined, 'NET 30'],
		['net45', undefined, 'NET 45'],
		['net60', undefined, 'NET 60'],
		['custom', 21, 'NET 21'],
		['custom', '0', 'NET 0'],
	])('%s (%s days) -> %s', (terms, days, expected) => {
		expect(dueAtHumanFormat(TEST_NODE, terms, days)).toBe(expected);
	});

	it('refuses unknown terms and bad custom days', () => {
		expect(() => dueAtHumanFormat(TEST_NODE, 'net90', undefined)).toThrow(/Due Terms must be one of/);
		expect(() => dueAtHumanFormat(TEST_NODE, 'custom', undefined)).toThrow(
			'Due In (Days) is missing: Due Terms is Custom Number of Days',
		);
		expect(() => dueAtHumanFormat(TEST_NODE, 'custom', 2.5)).toThrow(/Due In \(Days\) must be a whole number/);
		expect(() => dueAtHumanFormat(TEST_NODE, 'custom', -1)).toThrow(/at least 0/);
		expect(() => dueAtHumanFormat(TEST_NODE, 'custom', 10000)).toThrow(/at most 9999/);
	});
});
