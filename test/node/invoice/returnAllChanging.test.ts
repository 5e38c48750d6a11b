import { startSandbox, type Sandbox } from '../../sandbox';
import { harvest } from '../../sandbox/testing/client';
import { harvestUser } from '../trigger/triggerHarness';
import { EACH_WIRE, runInvoice } from './invoiceRun';

/** The list as the sandbox pages it: issue date newest first, then id. */
function listOrder(sandbox: Sandbox): number[] {
	return [...sandbox.store.invoices.values()]
		.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : b.id - a.id))
		.map((invoice) => invoice.id);
}

/**
 * Invoices created, deleted and re-dated while Return All reads the pages (the sandbox changes
 * them after the second page is answered): every invoice that was there all along comes back
 * exactly once, the re-dated one in its new version.
 */
// v1 pages hold 50 invoices. v2 would read these 300 in one page of 2000, so the sandbox answers
// at most 100 a page (as an account capped below the documented 2000 would): the changes land
// between v2's pages too, and the walk must read on past pages shorter than asked (issue 9).
const SETUP = { invoices: 300, throttle: false, v2MaxPerPage: 100 } as const;

describe.each(EACH_WIRE)('Invoice > Get Many: Return All while invoices change (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox(SETUP);
	});
	afterAll(async () => await sandbox.stop());

	it('loses nothing and repeats nothing', async () => {
		sandbox.reset(SETUP);
		const order = listOrder(sandbox);
		const deleted = order.slice(5, 8);
		const redated = order[order.length - 3];
		let created = 0;
		const api = harvest(sandbox);
		sandbox.onRequest({
			method: 'GET',
			path: wire.path('/invoices'),
			nth: 2,
			action: async () => {
				for (const id of deleted) await api.delete(`/invoices/${id}`);
				created = await harvestUser(sandbox).createDraft({ issued_at: '2026-06-15' });
				await harvestUser(sandbox).update(redated, { issued_at: '2026-06-14' });
			},
		});

		const items = await runInvoice(sandbox, wire, 'getAll', { returnAll: true });

		// The changes were made mid-walk, once its second read was answered.
		expect(created).not.toBe(0);
		const ids = items.map((item) => Number(item.json.id));
		expect(new Set(ids).size).toBe(ids.length);
		const throughout = order.filter((id) => !deleted.includes(id));
		expect(ids.filter((id) => !deleted.includes(id) && id !== created).sort((a, b) => a - b)).toEqual(
			[...throughout].sort((a, b) => a - b),
		);
		expect(items.find((item) => item.json.id === redated)?.json[wire.issueDateField]).toBe('2026-06-14');
	});
});
