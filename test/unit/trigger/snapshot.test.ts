import { baselineSnapshot } from '../../../nodes/HarvestInvoicing/trigger/diffInvoices';
import {
	boundSnapshot,
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

	it.each([undefined, null, 'x', { v: 2 }, { v: 1, scope: 'all' }, { v: 1, scope: 'all', since: 'nope', cursor: 'x', invoices: {} }])(
		'refuses what it did not write: %j',
		(stored) => {
			expect(() => decodeSnapshot(stored)).toThrow();
		},
	);

	it('measures about 30 bytes per invoice (1,000 invoices of a typical mix)', () => {
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
		// The README quotes about 30 KB per 1,000 invoices (npm run bench prints it); a failing
		// bound means the stored format grew.
		expect(bytes).toBeLessThan(40_000);
	});
});

describe('bounding', () => {
	function snapshotOf(entries: Array<[number, InvoiceEntry]>): Snapshot {
		return { scope: 'all', since: 0, cursor: 0, overdueTracked: false, invoices: new Map(entries) };
	}
	const entry = (state: InvoiceEntry['state'], updatedAt: number): InvoiceEntry => ({
		state,
		updatedAt,
		paidCents: 0,
		payments: [],
		overdue: false,
	});

	it('forgets settled invoices untouched for longest, then drafts, never open or partial ones', () => {
		const snapshot = snapshotOf([
			[1, entry('open', 1)],
			[2, entry('paid', 5)],
			[3, entry('closed', 3)],
			[4, entry('draft', 2)],
			[5, entry('partial', 1)],
		]);
		expect([...boundSnapshot(snapshot, 4).invoices.keys()]).toEqual([1, 2, 4, 5]);
		expect([...boundSnapshot(snapshot, 2).invoices.keys()]).toEqual([1, 5]);
		expect([...boundSnapshot(snapshot, 1).invoices.keys()]).toEqual([1, 5]);
		expect(boundSnapshot(snapshot, 10)).toBe(snapshot);
	});
});
