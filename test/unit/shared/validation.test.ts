import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';

import {
	requireChoice,
	requireDate,
	requireHarvestId,
	requireHarvestIdList,
	requireNumber,
	requireOrderedDates,
	requireUtcMinute,
} from '../../../nodes/HarvestInvoicing/shared/validation';
import { TEST_NODE } from '../invoice/fakeContext';

describe('validation before any request', () => {
	it('takes Harvest IDs made of digits only', () => {
		expect(requireHarvestId(TEST_NODE, 'Invoice', ' 6763297 ')).toBe('6763297');
		expect(requireHarvestId(TEST_NODE, 'Invoice', 42)).toBe('42');
		for (const bad of ['', '0', '12a', '../1', '1 2', '-5', '1.5', null, undefined, '1'.repeat(19)]) {
			expect(() => requireHarvestId(TEST_NODE, 'Invoice', bad)).toThrow(/Invoice must be a Harvest ID/);
		}
	});

	it('takes ID lists from arrays or comma-separated text', () => {
		expect(requireHarvestIdList(TEST_NODE, 'Projects', ['1', 2])).toEqual(['1', '2']);
		expect(requireHarvestIdList(TEST_NODE, 'Projects', '3, 4,,')).toEqual(['3', '4']);
		expect(requireHarvestIdList(TEST_NODE, 'Projects', undefined)).toEqual([]);
		expect(() => requireHarvestIdList(TEST_NODE, 'Projects', '3,x')).toThrow(/Projects must be a Harvest ID/);
	});

	it('reads calendar dates as written, whatever the offset', () => {
		expect(requireDate(TEST_NODE, 'Issue Date', '2026-05-01')).toBe('2026-05-01');
		expect(requireDate(TEST_NODE, 'Issue Date', '2026-05-01T00:00:00')).toBe('2026-05-01');
		expect(requireDate(TEST_NODE, 'Issue Date', '2026-05-01T23:30:00-08:00')).toBe('2026-05-01');
		expect(requireDate(TEST_NODE, 'Issue Date', '20260501')).toBe('2026-05-01');
		expect(requireDate(TEST_NODE, 'Issue Date', DateTime.fromISO('2026-05-01T00:00:00+14:00', { setZone: true }))).toBe(
			'2026-05-01',
		);
		expect(requireDate(TEST_NODE, 'Issue Date', new Date('2026-05-01T12:00:00Z'))).toBe('2026-05-01');
		for (const bad of ['', '2026-02-30', '01/05/2026', 'tomorrow', 5]) {
			expect(() => requireDate(TEST_NODE, 'Issue Date', bad)).toThrow(/Issue Date must be a date written YYYY-MM-DD/);
		}
	});

	it('turns moments into UTC minutes, reading a value without offset (a bare date too) as UTC', () => {
		expect(requireUtcMinute(TEST_NODE, 'Updated Since', '2026-05-01')).toBe('2026-05-01 00:00');
		expect(requireUtcMinute(TEST_NODE, 'Updated Since', '2026-05-01T14:30:59')).toBe('2026-05-01 14:30');
		expect(requireUtcMinute(TEST_NODE, 'Updated Since', '2026-05-01T14:30:00Z')).toBe('2026-05-01 14:30');
		expect(requireUtcMinute(TEST_NODE, 'Updated Since', '2026-05-01 14:30')).toBe('2026-05-01 14:30');
		expect(requireUtcMinute(TEST_NODE, 'Updated Since', '2026-01-01T00:10:00+02:00')).toBe('2025-12-31 22:10');
		expect(requireUtcMinute(TEST_NODE, 'Updated Since', DateTime.fromISO('2026-05-01T00:00:00', { zone: 'Europe/Berlin' }))).toBe('2026-04-30 22:00');
		expect(() => requireUtcMinute(TEST_NODE, 'Updated Since', 'yesterday')).toThrow(/Updated Since must be a date, or a date and time in UTC/);
	});

	it('takes numbers with a decimal point within their rule', () => {
		expect(requireNumber(TEST_NODE, 'Tax', 8)).toBe(8);
		expect(requireNumber(TEST_NODE, 'Tax', ' 7.5 ')).toBe(7.5);
		expect(requireNumber(TEST_NODE, 'Days', '30', { integer: true, min: 0 })).toBe(30);
		expect(() => requireNumber(TEST_NODE, 'Tax', '7,5')).toThrow(/Tax must be a number with a decimal point/);
		expect(() => requireNumber(TEST_NODE, 'Tax', NaN)).toThrow(NodeOperationError);
		expect(() => requireNumber(TEST_NODE, 'Tax', Infinity)).toThrow(NodeOperationError);
		expect(() => requireNumber(TEST_NODE, 'Discount', 101, { min: 0, max: 100 })).toThrow(/at least 0 and at most 100/);
		expect(() => requireNumber(TEST_NODE, 'Days', 1.5, { integer: true })).toThrow(/a whole number/);
	});

	it('takes only documented choices and ordered ranges', () => {
		expect(requireChoice(TEST_NODE, 'Status', 'open', ['open', 'paid'])).toBe('open');
		expect(() => requireChoice(TEST_NODE, 'Status', 'late', ['open', 'paid'])).toThrow(/Status must be one of open, paid/);
		expect(() =>
			requireOrderedDates(TEST_NODE, { field: 'From', value: '2026-05-02' }, { field: 'To', value: '2026-05-01' }),
		).toThrow('To (2026-05-01) is before From (2026-05-02)');
		expect(() =>
			requireOrderedDates(TEST_NODE, { field: 'From', value: '2026-05-01' }, { field: 'To', value: undefined }),
		).not.toThrow();
	});

	it('puts the item index on the error, so Continue On Fail reports the right item', () => {
		try {
			requireHarvestId(TEST_NODE, 'Invoice', 'x', 2);
			throw new Error('expected a failure');
		} catch (error) {
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as NodeOperationError).context.itemIndex).toBe(2);
		}
	});
});
