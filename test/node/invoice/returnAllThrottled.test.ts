import { startSandbox, type Sandbox } from '../../sandbox';
import { DATA_FORMATS, runInvoice } from './invoiceRun';

const INVOICES = 10_000;
const PAGES = INVOICES / 50;

/**
 * Return All over 10,000 invoices (200 pages) with Harvest's throttle (503 + Retry-After) hitting
 * in the middle of the walk: the node waits, reads the same page again, and returns every invoice
 * exactly once.
 */
describe.each(DATA_FORMATS)('Invoice > Get Many: Return All through a throttle (%s)', (dataFormat) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: INVOICES, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('returns all 10,000 invoices exactly once', async () => {
		sandbox.clearRequests();
		const listPages = () => sandbox.requests().filter((request) => request.path === '/invoices');
		// Switch the throttle on once the walk is well under way (after page 60).
		let armed = false;
		const watcher = setInterval(() => {
			if (!armed && listPages().length >= 60) {
				armed = true;
				sandbox.setFault({ kind: 'throttle', method: 'GET', path: '/invoices', times: 2, retryAfterSeconds: 1 });
			}
		}, 5);
		let items;
		try {
			items = await runInvoice(sandbox, dataFormat, 'getAll', { returnAll: true });
		} finally {
			clearInterval(watcher);
		}

		expect(items).toHaveLength(INVOICES);
		const ids = items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(INVOICES);
		expect(new Set(ids)).toEqual(new Set(sandbox.store.invoices.keys()));

		const pages = listPages();
		const throttled = pages.filter((request) => request.status === 503);
		expect(throttled).toHaveLength(2);
		expect(throttled.every((request) => request.fault === 'throttle')).toBe(true);
		// Every read answered once with 200 (no read repeated but the throttled one), and the walk
		// stopped after the last page: the overlap of the issue-date walk costs a few reads more than the 201 pages.
		const answered = pages.filter((request) => request.status === 200).map((request) => JSON.stringify(request.query));
		expect(new Set(answered).size).toBe(answered.length);
		expect(answered.length).toBeGreaterThan(PAGES);
		expect(answered.length).toBeLessThan(PAGES * 1.3);
		// The throttled read was asked again right after the wait.
		const first = pages.indexOf(throttled[0]);
		expect(pages[first + 1].query).toEqual(throttled[0].query);
	}, 30_000);
});
