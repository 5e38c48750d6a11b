import { nextCursor, updatedSinceParam } from '../../../nodes/HarvestInvoicing/trigger/cursor';
import { T0, invoice } from './fixtures';

describe('updated_since', () => {
	it('is UTC YYYY-MM-DD HH:MM, a whole minute before the cursor minute', () => {
		expect(updatedSinceParam(T0 + 59)).toBe('2026-06-15 11:59');
		expect(updatedSinceParam(T0)).toBe('2026-06-15 11:59');
		expect(updatedSinceParam(T0 + 60)).toBe('2026-06-15 12:00');
	});

	it('starts at the epoch for an empty account', () => {
		expect(updatedSinceParam(0)).toBe('1970-01-01 00:00');
	});
});

describe('nextCursor', () => {
	it('follows Harvest timestamps, not the local clock', () => {
		expect(nextCursor(0, [invoice(1, 'open', { updated: T0 }), invoice(2, 'open', { updated: T0 - 5 })])).toBe(T0);
	});

	it('keeps the previous cursor for an empty listing or older records', () => {
		expect(nextCursor(T0, [])).toBe(T0);
		expect(nextCursor(T0, [invoice(1, 'open', { updated: T0 - 600 })])).toBe(T0);
	});

	it('moves back by the time the listing took, rounded up', () => {
		expect(nextCursor(0, [invoice(1, 'open', { updated: T0 })], 0.2)).toBe(T0 - 1);
		expect(nextCursor(0, [invoice(1, 'open', { updated: T0 })], 90)).toBe(T0 - 90);
	});
});
