import { baselineSnapshot } from '../../../nodes/HarvestInvoicing/trigger/diffInvoices';
import {
	boundSnapshot,
	storedBytes,
	decodeEntry,
	decodeSnapshot,
	encodeEntry,
	encodeSnapshot,
} from '../../../nodes/HarvestInvoicing/trigger/snapshot';
import type { InvoiceEntry, Snapshot } from '../../../nodes/HarvestInvoicing/trigger/types';
import { Prng, T0, invoice } from './fixtures';

describe('snapshot entries', () => {
	const entries: InvoiceEntry[] = [
		{ state: 'draft', updatedAt: T0, paidCents: 0, payments: [], overdue: false },
		{ state: 'open', updatedAt: T0 + 1, paidCents: 0, payments: [], issuedDay: 20_600, dueDay: 20_630, overdue: false },
		{ state: 'partial', updatedAt: T0, paidCents: 1234, payments: null, issuedDay: 20_600, dueDay: 20_610, overdue: true },
		{ state: 'paid', updatedAt: T0, paidCents: 99_999, payments: [500_001, 500_002], overdue: false },
		{ state: 'closed', updatedAt: T0, paidCents: 5, payments: [500_003], overdue: false },
	];

	it.each(entries)('round-trips %j', (entry) => {
		expect(decodeEntry(encodeEntry(entry))).toEqual(entry);
	});

	it('is short', () => {
		expect(encodeEntry(entries[1])).toBe(`o|${(T0 + 1).toString(36)}|0||fw8|fx2`);
		expect(encodeEntry(entries[2]).endsWith('|!')).toBe(true);
	});

	it.each(['', 'x|1|0|', 'o|zz|', 'o|1|0|a,,b', 'P|1|-|'])('refuses %j', (text) => {
		expect(() => decodeEntry(text)).toThrow();
	});
});

describe('stored snapshot', () => {
	it('round-trips through JSON, as n8n stores static data', () => {
		const snapshot = baselineSnapshot(
			'client:1001',
			{ invoices: [invoice(1, 'open', { updated: T0 }), invoice(2, 'paid', { updated: T0 - 5 })] },
			{ events: ['paid'] },
		);
		const back = decodeSnapshot(JSON.parse(JSON.stringify(encodeSnapshot(snapshot))));
		expect(back).toEqual(snapshot);
	});

	it('keeps how far a baseline read over several polls has got, and refuses a damaged one', () => {
		const snapshot = baselineSnapshot('all', { invoices: [invoice(1, 'open', { updated: T0 })] }, { events: ['paid'] }, null, {
			throughDay: 20_500,
			startedAt: T0 - 60,
		});
		const stored = JSON.parse(JSON.stringify(encodeSnapshot(snapshot)));
		expect(decodeSnapshot(stored).baselineWalk).toEqual({ throughDay: 20_500, startedAt: T0 - 60 });
		expect(() => decodeSnapshot({ ...stored, baselineWalk: { throughDay: 'x' } })).toThrow(/baseline walk/);
	});

	it('reads overdue flags as clear when they were not being tracked (a poll not watching overdue relies on it)', () => {
		const snapshot = baselineSnapshot('all', { invoices: [invoice(1, 'open', { updated: T0 })] }, { events: ['paid'] });
		const flagged: Snapshot = { ...snapshot, invoices: new Map([[1, { ...(snapshot.invoices.get(1) as InvoiceEntry), overdue: true }]]) };
		expect(decodeSnapshot(JSON.parse(JSON.stringify(encodeSnapshot(flagged)))).invoices.get(1)?.overdue).toBe(false);
		const tracked = { ...flagged, overdueTracked: true };
		expect(decodeSnapshot(JSON.parse(JSON.stringify(encodeSnapshot(tracked)))).invoices.get(1)?.overdue).toBe(true);
	});

	it.each([undefined, null, 'x', { v: 2 }, { v: 1, scope: 'all' }, { v: 1, scope: 'all', since: 'nope', cursor: 'x', invoices: {} }])(
		'refuses what it did not write: %j',
		(stored) => {
			expect(() => decodeSnapshot(stored)).toThrow();
		},
	);

	it('stays within 8 KB per 1,000 invoices of a typical mix, most of them aged', () => {
		const random = new Prng(1000);
		const states = ['draft', 'open', 'partial', 'paid', 'closed', 'open', 'paid', 'open', 'partial', 'draft'] as const;
		const invoices = Array.from({ length: 1000 }, (_, index) =>
			invoice(100_001 + index, states[index % states.length], { updated: T0 - random.int(0, 60_000_000) }),
		);
		const snapshot = baselineSnapshot('all', { invoices }, { events: ['paid'] });
		// Payments become known ids once an invoice with money paid has been listed.
		let paymentId = 500_001;
		for (const entry of snapshot.invoices.values()) {
			if (entry.paidCents > 0) entry.payments = entry.state === 'paid' ? [paymentId++, paymentId++] : [paymentId++];
		}
		const bytes = Buffer.byteLength(JSON.stringify(encodeSnapshot(snapshot)));
		// Updated up to two years before the newest, so nearly all are aged: a few bytes each in the
		// per-state lists (agedEntries.ts), about 5 KB in all. The README quotes 5 to 7 KB per 1,000
		// invoices; issue 12's bound is 8 KB (agedState.test.ts checks it on an account read through the
		// node). A failing bound here means the stored format grew.
		expect(bytes).toBeLessThanOrEqual(8 * 1024);
	});
});

describe('bounding by bytes', () => {
	const entry = (state: InvoiceEntry['state'], updatedAt: number): InvoiceEntry => ({
		state,
		updatedAt,
		paidCents: 0,
		payments: [],
		overdue: false,
	});

	it('keeps every invoice while the state fits, then forgets settled ones untouched for longest, never open or partial ones', () => {
		// Recent entries (full, about 30 bytes each), so that a small budget is reached.
		const entries: Array<[number, InvoiceEntry]> = [];
		for (let id = 1; id <= 400; id++) entries.push([id, entry(id % 4 === 0 ? 'open' : id % 4 === 1 ? 'partial' : id % 4 === 2 ? 'paid' : 'draft', T0 - id)]);
		const snapshot: Snapshot = { scope: 'all', since: 0, cursor: T0, overdueTracked: false, invoices: new Map(entries) };
		expect(boundSnapshot(snapshot)).toBe(snapshot);
		const bounded = boundSnapshot(snapshot, 8_000);
		expect(storedBytes(bounded)).toBeLessThanOrEqual(8_000);
		const kept = [...bounded.invoices.values()];
		expect(kept.filter((kept) => kept.state === 'open' || kept.state === 'partial')).toHaveLength(200);
		// Paid go before drafts, the oldest (highest id here) first.
		const forgottenPaid = entries.filter(([id, e]) => e.state === 'paid' && !bounded.invoices.has(id)).map(([id]) => id);
		expect(forgottenPaid.length).toBeGreaterThan(0);
		expect(Math.min(...forgottenPaid)).toBeGreaterThan(Math.max(...entries.filter(([id, e]) => e.state === 'paid' && bounded.invoices.has(id)).map(([id]) => id), 0));
	});
});
