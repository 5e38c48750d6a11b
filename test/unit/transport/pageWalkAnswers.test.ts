import type { IDataObject } from 'n8n-workflow';

import type { ListSpelling } from '../../../nodes/HarvestInvoicing/transport/dialect';
import { asPageRead, walkInvoiceList, type ListPage } from '../../../nodes/HarvestInvoicing/transport/pageWalk';

/** Pages asked of 2000, as the node asks v2; records carry v2's `issue_date`. */
const ASKED: ListSpelling = { pageSize: 2000, issueDate: (record) => record.issue_date };

const day = (offset: number) => new Date(Date.UTC(2026, 5, 15 - offset)).toISOString().slice(0, 10);

/**
 * A v2-like list of `count` invoices, three a day, newest first, that answers `served` a page
 * whatever was asked and says how it paged (`perPage`, `morePages`) unless `says` is false.
 */
function cappedList(count: number, served: number, says = true) {
	const rows = Array.from({ length: count }, (_, index) => ({
		id: count - index,
		issue_date: day(Math.floor(index / 3)),
		updated_at: '2026-01-01T00:00:00Z',
	}));
	const requests: IDataObject[] = [];
	const readPage = async (qs: IDataObject): Promise<IDataObject[] | ListPage<IDataObject>> => {
		requests.push(qs);
		const matching = rows.filter((row) => qs.to === undefined || row.issue_date.replace(/-/g, '') <= String(qs.to));
		const page = Number(qs.page);
		const records = matching.slice((page - 1) * served, page * served);
		return says ? { records, perPage: served, morePages: page * served < matching.length } : records;
	};
	return { readPage, requests };
}

const walk = async (list: ReturnType<typeof cappedList>) =>
	(await walkInvoiceList(list.readPage, {}, (record) => record, { spelling: ASKED })).map((record) => Number(record.id));

describe('the page walk ends a list where the answer says (issue 9)', () => {
	it('reads every invoice, once, when pages hold fewer than asked and the answers say so', async () => {
		const list = cappedList(350, 100);
		const ids = await walk(list);
		expect(ids).toHaveLength(350);
		expect(new Set(ids).size).toBe(350);
		expect(list.requests.length).toBeGreaterThan(3);
	});

	it('costs the same requests as before when Harvest gives the size asked', async () => {
		const saying = cappedList(4500, 2000);
		const bare = cappedList(4500, 2000, false);
		expect(await walk(saying)).toHaveLength(4500);
		expect(await walk(bare)).toHaveLength(4500);
		expect(saying.requests).toEqual(bare.requests);
	});

	it.each([
		['a bare list shorter than asked', [1, 2], 50, true],
		['a bare full list', new Array(50).fill(0), 50, false],
		['a page as full as it says', { records: new Array(100).fill(0), perPage: 100 }, 2000, false],
		['a page shorter than it says, nothing said to follow', { records: [1], perPage: 100, morePages: false }, 2000, true],
		['a short page that says another follows', { records: [1], perPage: 100, morePages: true }, 2000, false],
		['a page size not said: the size asked', { records: new Array(100).fill(0) }, 2000, true],
		['a page size beyond that asked: the size asked', { records: new Array(50).fill(0), perPage: 5000 }, 50, false],
		['an unreadable page size: the size asked', { records: new Array(100).fill(0), perPage: 0 }, 2000, true],
	] as const)('%s', (_name, answer, asked, last) => {
		expect(asPageRead(answer as unknown as number[] | ListPage<number>, asked).last).toBe(last);
	});
});
