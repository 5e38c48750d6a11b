import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';

import { requireWallClockDateTime } from '../../../nodes/HarvestInvoicing/shared/dateTimes';
import { NODE } from '../resources/fakeContext';

describe('requireWallClockDateTime', () => {
	const paidAt = (value: unknown) => requireWallClockDateTime(NODE, 'Paid At', value, 0);

	it.each([
		['2026-06-15', '2026-06-15T00:00:00Z'],
		['2026-06-15T09:30:00', '2026-06-15T09:30:00Z'],
		['2026-06-15T09:30', '2026-06-15T09:30:00Z'],
		['2026-06-15 09:30:00', '2026-06-15T09:30:00Z'],
		['2026-06-15T09:30:00Z', '2026-06-15T09:30:00Z'],
		// Midnight in Berlin stays the 15th: the day written is the day Harvest gets.
		['2026-06-15T00:00:00.000+02:00', '2026-06-15T00:00:00Z'],
		['2026-06-15T23:30:00-05:00', '2026-06-15T23:30:00Z'],
	])('sends %s as %s', (value, expected) => {
		expect(paidAt(value)).toBe(expected);
	});

	it('takes a Luxon DateTime (e.g. {{ $today }}) at its own wall clock', () => {
		const today = DateTime.fromObject({ year: 2026, month: 6, day: 15 }, { zone: 'Asia/Tokyo' });
		expect(paidAt(today)).toBe('2026-06-15T00:00:00Z');
	});

	it('takes a JavaScript Date as the moment it is, in UTC', () => {
		expect(paidAt(new Date('2026-06-15T09:30:00Z'))).toBe('2026-06-15T09:30:00Z');
	});

	it.each([[''], ['15/06/2026'], ['2026-13-01'], [20260615], [null]])('refuses %j', (value) => {
		expect(() => paidAt(value)).toThrow(NodeOperationError);
		expect(() => paidAt(value)).toThrow(/^Paid At must be a date or a date and time, e\.g\. 2026-06-15/);
	});
});
