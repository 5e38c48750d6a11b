import { startSandbox, type Sandbox } from '../../sandbox';
import { harvest } from '../../sandbox/testing/client';
import { harvestUser } from '../trigger/triggerHarness';
import { DATA_FORMATS, runInvoice } from './invoiceRun';

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
describe.each(DATA_FORMATS)('Invoice > Get Many: Return All while invoices change (%s)', (dataFormat) => {
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

		const items = await runInvoice(sandbox, dataFormat, 'getAll', { returnAll: true });

		const ids = items.map((item) => Number(item.json.id));
		expect(new Set(ids).size).toBe(ids.length);
		const throughout = order.filter((id) => !deleted.includes(id));
		expect(ids.filter((id) => !deleted.includes(id) && id !== created).sort((a, b) => a - b)).toEqual(
			[...throughout].sort((a, b) => a - b),
		);
		expect(items.find((item) => item.json.id === redated)?.json.issued_at).toBe('2026-06-14');
	});
});
