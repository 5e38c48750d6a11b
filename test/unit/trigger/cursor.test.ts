import { v1WatchQuery } from '../../../nodes/HarvestInvoicing/transport/v1/watchQuery';
import { v2WatchQuery } from '../../../nodes/HarvestInvoicing/transport/v2/watchQuery';
import { nextCursor, updatedSinceMs } from '../../../nodes/HarvestInvoicing/trigger/cursor';
import { T0, invoice } from './fixtures';

/** The listing's "changed since" as each API is asked for it. */
const v1UpdatedSince = (cursor: number) => v1WatchQuery({ updatedSinceMs: updatedSinceMs(cursor) }).qs.updated_since;
const v2UpdatedSince = (cursor: number) => v2WatchQuery({}, { updatedSinceMs: updatedSinceMs(cursor) }).qs.updated_since;

describe('updated_since', () => {
	it('is a whole minute before the cursor minute; UTC YYYY-MM-DD HH:MM on v1', () => {
		expect(v1UpdatedSince(T0 + 59)).toBe('2026-06-15 11:59');
		expect(v1UpdatedSince(T0)).toBe('2026-06-15 11:59');
		expect(v1UpdatedSince(T0 + 60)).toBe('2026-06-15 12:00');
	});

	it('is the same minute in ISO 8601 on v2', () => {
		expect(v2UpdatedSince(T0 + 59)).toBe('2026-06-15T11:59:00Z');
		expect(v2UpdatedSince(T0 + 60)).toBe('2026-06-15T12:00:00Z');
	});

	it('starts at the epoch for an empty account', () => {
		expect(v1UpdatedSince(0)).toBe('1970-01-01 00:00');
		expect(v2UpdatedSince(0)).toBe('1970-01-01T00:00:00Z');
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
