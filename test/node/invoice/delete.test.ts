import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, byId, received, runInvoice } from './invoiceRun';

describe.each(EACH_WIRE)('Invoice > Delete (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 10, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('deletes the invoice and outputs { id, deleted: true }, paired', async () => {
		const invoiceId = [...sandbox.store.invoices.keys()][0];
		const items = await runInvoice(sandbox, wire, 'delete', { invoiceId: byId(invoiceId) });
		expect(items).toEqual([{ json: { id: invoiceId, deleted: true }, pairedItem: { item: 0 } }]);
		expect(received(sandbox.requests())).toEqual([{ method: 'DELETE', path: wire.path(`/invoices/${invoiceId}`), query: {}, body: null }]);
		expect(sandbox.store.invoices.has(invoiceId)).toBe(false);
	});

	it('outputs one item per input item', async () => {
		const [first, second] = [...sandbox.store.invoices.keys()];
		const items = await runInvoice(
			sandbox,
			wire,
			'delete',
			{ invoiceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			{ items: [{ json: { id: first } }, { json: { id: second } }] },
		);
		expect(items).toEqual([
			{ json: { id: first, deleted: true }, pairedItem: { item: 0 } },
			{ json: { id: second, deleted: true }, pairedItem: { item: 1 } },
		]);
		expect(sandbox.requests().map((r) => `${r.method} ${r.path}`).sort()).toEqual(
			[`DELETE ${wire.path(`/invoices/${first}`)}`, `DELETE ${wire.path(`/invoices/${second}`)}`].sort(),
		);
	});

	it('reports an invoice that does not exist as a Harvest error', async () => {
		await expect(runInvoice(sandbox, wire, 'delete', { invoiceId: byId(999999999) })).rejects.toThrow(
			/Harvest found no such record/,
		);
	});
});
