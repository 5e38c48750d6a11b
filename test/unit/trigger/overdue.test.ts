import { v1WatchQuery } from '../../../nodes/HarvestInvoicing/transport/v1/watchQuery';
import { v2WatchQuery } from '../../../nodes/HarvestInvoicing/transport/v2/watchQuery';
import { candidatesDueBy, dueGroups, findLastPastDue, issuedWindow } from '../../../nodes/HarvestInvoicing/trigger/overdue';
import type { InvoiceEntry, Snapshot } from '../../../nodes/HarvestInvoicing/trigger/types';

describe('findLastPastDue', () => {
	async function search(count: number, lateUpTo: number) {
		const probed: number[] = [];
		const found = await findLastPastDue(count, async (index) => {
			probed.push(index);
			return index <= lateUpTo;
		});
		return { found, probed };
	}

	it('asks once when nothing is late (the quiet poll)', async () => {
		expect(await search(40, -1)).toEqual({ found: -1, probed: [0] });
	});

	it('asks twice when one due date passed', async () => {
		expect(await search(40, 0)).toEqual({ found: 0, probed: [0, 1] });
	});

	it('finds any boundary in a logarithmic number of probes', async () => {
		for (const count of [1, 2, 3, 7, 8, 45, 100]) {
			for (let lateUpTo = -1; lateUpTo < count; lateUpTo++) {
				const { found, probed } = await search(count, lateUpTo);
				expect(found).toBe(lateUpTo);
				expect(probed.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(count + 1)) + 1);
			}
		}
	});

	it('asks nothing without candidates', async () => {
		expect(await search(0, -1)).toEqual({ found: -1, probed: [] });
	});
});

describe('dueGroups', () => {
	const entry = (state: InvoiceEntry['state'], dueDay: number, issuedDay: number, overdue = false): InvoiceEntry => ({
		state,
		updatedAt: 0,
		paidCents: 0,
		payments: [],
		issuedDay,
		dueDay,
		overdue,
	});

	it('groups open and partial invoices not yet late by due date, earliest first, latest issued probed first', () => {
		const snapshot: Snapshot = {
			scope: 'all',
			since: 0,
			cursor: 0,
			overdueTracked: true,
			invoices: new Map([
				[1, entry('open', 20, 5)],
				[2, entry('partial', 10, 1)],
				[3, entry('open', 20, 8)],
				[4, entry('open', 5, 1, true)],
				[5, { ...entry('paid', 1, 1), issuedDay: undefined, dueDay: undefined }],
			]),
		};
		expect(dueGroups(snapshot.invoices, false)).toEqual([
			{ dueDay: 10, members: [{ id: 2, issuedDay: 1 }] },
			{
				dueDay: 20,
				members: [
					{ id: 3, issuedDay: 8 },
					{ id: 1, issuedDay: 5 },
				],
			},
		]);
	});
});

describe('issuedWindow', () => {
	it('covers the issue days: YYYYMMDD on v1, YYYY-MM-DD on v2', () => {
		const window = issuedWindow([{ issuedDay: 20_620 }, { issuedDay: 20_600 }]);
		expect(window).toEqual({ issuedFromDay: 20_600, issuedToDay: 20_620 });
		expect(v1WatchQuery(window).qs).toEqual({ from: '20260527', to: '20260616' });
		expect(v2WatchQuery({}, window).qs).toEqual({ from: '2026-05-27', to: '2026-06-16' });
	});
});

describe('due groups of a stored snapshot', () => {
	const open = (dueDay: number, issuedDay: number): InvoiceEntry => ({ state: 'open', updatedAt: 0, paidCents: 0, payments: [], issuedDay, dueDay, overdue: false });

	it('are grouped once per stored map and reused by the polls that follow', () => {
		const stored = new Map([[1, open(20, 5)], [2, open(10, 1)]]);
		const first = dueGroups(stored, true);
		expect(dueGroups(stored, true)).toBe(first);
		// A map a poll is still building is grouped afresh every time.
		expect(dueGroups(stored, false)).not.toBe(first);
		expect(candidatesDueBy(first, 10)).toEqual([{ id: 2, issuedDay: 1 }]);
		expect(candidatesDueBy(first, 30)).toEqual([{ id: 2, issuedDay: 1 }, { id: 1, issuedDay: 5 }]);
		expect(candidatesDueBy(first, 9)).toEqual([]);
	});
});
