import { startSandbox, type Sandbox } from '../../sandbox';
import { harvest } from '../../sandbox/testing/client';
import { harvestUser } from '../trigger/triggerHarness';
import { EACH_V1_WIRE, runInvoice } from './invoiceRun';

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
// v1 only: the changes land between pages of 50; v2 reads these 300 invoices in one page of 2000,
// so nothing can change mid-walk (the trigger's changesDuringWalk suite walks v2 pages that change).
describe.each(EACH_V1_WIRE)('Invoice > Get Many: Return All while invoices change (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 300, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('loses nothing and repeats nothing', async () => {
		sandbox.reset({ invoices: 300, throttle: false });
		const order = listOrder(sandbox);
		const deleted = order.slice(5, 8);
		const redated = order[order.length - 3];
		let created = 0;
		const api = harvest(sandbox);
		sandbox.onRequest({
			method: 'GET',
			path: '/invoices',
			nth: 2,
			action: async () => {
				for (const id of deleted) await api.delete(`/invoices/${id}`);
				created = await harvestUser(sandbox).createDraft({ issued_at: '2026-06-15' });
				await harvestUser(sandbox).update(redated, { issued_at: '2026-06-14' });
			},
		});

		const items = await runInvoice(sandbox, wire, 'getAll', { returnAll: true });

		const ids = items.map((item) => Number(item.json.id));
		expect(new Set(ids).size).toBe(ids.length);
		const throughout = order.filter((id) => !deleted.includes(id));
		expect(ids.filter((id) => !deleted.includes(id) && id !== created).sort((a, b) => a - b)).toEqual(
			[...throughout].sort((a, b) => a - b),
		);
		expect(items.find((item) => item.json.id === redated)?.json.issued_at).toBe('2026-06-14');
	});
});
