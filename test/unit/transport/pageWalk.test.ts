import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE, UnsettledListError, walkInvoiceList } from '../../../nodes/HarvestInvoicing/transport/pageWalk';

interface Row extends IDataObject {
	id: number;
	issued_at: string;
	updated_at: string;
}

const day = (offset: number) => new Date(Date.UTC(2026, 5, 15 - offset)).toISOString().slice(0, 10);
const compact = (date: string) => date.replace(/-/g, '');

/**
 * Harvest's list in memory: issue date newest first, then id, 50 a page, `from`/`to` inclusive,
 * `updated_since` to the minute. `afterPage[n]` runs after the n-th request is answered, as the
 * sandbox's onRequest hook does over HTTP.
 */
function harvestList(rows: Row[], afterPage: Record<number, (rows: Row[]) => void> = {}) {
	const requests: IDataObject[] = [];
	const readPage = async (qs: IDataObject): Promise<IDataObject[]> => {
		requests.push(qs);
		const matching = rows
			.filter((row) => qs.from === undefined || compact(row.issued_at) >= String(qs.from))
			.filter((row) => qs.to === undefined || compact(row.issued_at) <= String(qs.to))
			.filter((row) => qs.updated_since === undefined || row.updated_at.slice(0, 16).replace('T', ' ') >= String(qs.updated_since))
			.sort((a, b) => (a.issued_at < b.issued_at ? 1 : a.issued_at > b.issued_at ? -1 : b.id - a.id));
		const page = Number(qs.page);
		const answer = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((row) => ({ ...row }));
		afterPage[requests.length]?.(rows);
		return answer;
	};
	return { readPage, requests };
}

/** `count` invoices, `perDay` issued each day going back from 2026-06-15, all updated long ago. */
function account(count: number, perDay: number): Row[] {
	return Array.from({ length: count }, (_, index) => ({
		id: index + 1,
		issued_at: day(Math.floor((count - 1 - index) / perDay)),
		// Older invoices were last touched longer ago, as in a real account.
		updated_at: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString().replace('.000', ''),
	}));
}

const walk = async (list: ReturnType<typeof harvestList>, qs: IDataObject = {}, limit?: number) =>
	await walkInvoiceList(list.readPage, qs, (record) => record, { limit });
const ids = (records: IDataObject[]) => records.map((record) => Number(record.id)).sort((a, b) => a - b);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('walkInvoiceList', () => {
	it('reads an unchanged list once: every invoice exactly once', async () => {
		const list = harvestList(account(430, 3));
		expect(ids(await walk(list))).toEqual(range(1, 430));
		// The overlap (the last date's few invoices read again) costs about one page in ten here.
		expect(list.requests.length).toBeLessThan(14);
	});

	it('invoices deleted from pages already read skip nothing', async () => {
		// Deleting 3 of the newest invoices after page 1 shifts every later one 3 places forward:
		// a ?page=N walk would never see the 3 that moved onto page 1.
		const list = harvestList(account(300, 3), {
			1: (rows) => rows.splice(rows.findIndex((row) => row.id === 300), 1) && rows.splice(rows.findIndex((row) => row.id === 298), 2),
		});
		const result = await walk(list);
		expect(ids(result)).toEqual(range(1, 300));
		expect(new Set(ids(result)).size).toBe(result.length);
	});

	it('invoices created during the walk repeat nothing', async () => {
		const rows = account(200, 3);
		const list = harvestList(rows, {
			2: () => rows.push({ id: 201, issued_at: day(0), updated_at: '2026-06-15T12:00:00Z' }, { id: 202, issued_at: day(0), updated_at: '2026-06-15T12:00:00Z' }),
		});
		const result = await walk(list);
		expect(new Set(ids(result)).size).toBe(result.length);
		expect(ids(result).filter((id) => id <= 200)).toEqual(range(1, 200));
	});

	it('an invoice re-dated onto a page already read is picked up by the last read, in its new version', async () => {
		const rows = account(250, 3);
		rows.forEach((row) => (row.updated_at = '2026-06-15T11:00:00Z'));
		const list = harvestList(rows, {
			2: () => Object.assign(rows[0], { issued_at: day(0), updated_at: '2026-06-15T12:00:00Z' }),
		});
		const result = await walk(list);
		expect(ids(result)).toEqual(range(1, 250));
		expect(result.find((record) => record.id === 1)?.issued_at).toBe(day(0));
		// The last read asks for what changed since (a minute before) the newest update the walk saw.
		expect(list.requests.at(-1)).toMatchObject({ updated_since: expect.stringMatching(/^2026-06-15 10:5\d$/) });
	});

	it('reads a crowded issue date (a full page and more) until two reads agree', async () => {
		const rows = account(260, 120);
		// After the second request (page 1 of the crowded day), two of its invoices are deleted.
		const list = harvestList(rows, { 2: () => rows.splice(rows.findIndex((row) => row.id === 259), 2) });
		const result = await walk(list);
		expect(ids(result).filter((id) => id < 259)).toEqual(range(1, 258));
		expect(new Set(ids(result)).size).toBe(result.length);
	});

	it('fails clearly when a crowded date never settles', async () => {
		const rows = account(120, 120);
		let next = 1000;
		const churn: Record<number, (rows: Row[]) => void> = {};
		for (let request = 1; request < 40; request++) churn[request] = () => rows.push({ id: next++, issued_at: day(0), updated_at: '2026-06-15T12:00:00Z' });
		await expect(walk(harvestList(rows, churn))).rejects.toThrow(UnsettledListError);
	});

	it('keeps to the filters given and stops at the Limit', async () => {
		const list = harvestList(account(300, 3));
		const result = await walk(list, { from: compact(day(40)), to: compact(day(10)) }, 60);
		expect(result).toHaveLength(60);
		expect(result.every((record) => compact(String(record.issued_at)) <= compact(day(10)))).toBe(true);
		expect(list.requests.every((qs) => qs.from === compact(day(40)))).toBe(true);
	});

	it('falls back to plain pages, de-duplicated, when Harvest does not sort by issue date', async () => {
		const rows = account(120, 3);
		const unsorted = async (qs: IDataObject) => {
			const page = Number(qs.page);
			return [...rows].sort((a, b) => a.id - b.id).slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
		};
		const result = await walkInvoiceList(unsorted, {}, (record: IDataObject) => record);
		expect(ids(result)).toEqual(range(1, 120));
	});

	it('walks 130,000 invoices without overflowing the stack', async () => {
		const rows = account(130_000, 180);
		// Pages cut from a pre-sorted copy, so the test measures the walk, not the in-memory filter.
		const sorted = [...rows].sort((a, b) => (a.issued_at < b.issued_at ? 1 : a.issued_at > b.issued_at ? -1 : b.id - a.id));
		const starts = new Map<string, number>();
		sorted.forEach((row, index) => starts.has(compact(row.issued_at)) || starts.set(compact(row.issued_at), index));
		const readPage = async (qs: IDataObject) => {
			const start = qs.to === undefined ? 0 : (starts.get(String(qs.to)) ?? 0);
			const page = sorted.slice(start + (Number(qs.page) - 1) * PAGE_SIZE, start + Number(qs.page) * PAGE_SIZE);
			return qs.from === undefined ? page : page.filter((row) => compact(row.issued_at) >= String(qs.from));
		};
		const result = await walkInvoiceList(readPage, {}, (record: IDataObject) => record);
		expect(result).toHaveLength(130_000);
	});
});
