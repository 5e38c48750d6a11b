import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, openInvoice, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Payment > Get Many (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	let invoiceId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'payment', wire);
		invoiceId = await openInvoice(sandbox, [100, 200, 300]);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('returns every payment of the invoice with Return All, in one request', async () => {
		const items = await run('getAll', { invoiceId: byId(invoiceId), returnAll: true });
		expect(items.map((item) => item.json.amount)).toEqual([100, 200, 300]);
		expect(items[0].json).toMatchObject({ ...wire.paymentOf(invoiceId), paid_at: '2026-06-10T00:00:00Z' });
		expect(items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(received(sandbox)).toEqual([{ method: 'GET', path: wire.path(`/invoices/${invoiceId}/payments`), body: null }]);
	});

	it('cuts the list at Limit (Harvest does not paginate payments)', async () => {
		const items = await run('getAll', { invoiceId: byId(invoiceId), returnAll: false, limit: 2 });
		expect(items.map((item) => item.json.amount)).toEqual([100, 200]);
		expect(received(sandbox)).toHaveLength(1);
	});

	it('returns no items for an invoice without payments', async () => {
		const unpaid = await openInvoice(sandbox);
		expect(await run('getAll', { invoiceId: byId(unpaid), returnAll: true })).toEqual([]);
	});

	it('refuses an invoice ID that is not digits before any request', async () => {
		await expect(run('getAll', { invoiceId: byId('12/payments'), returnAll: true })).rejects.toThrow(
			'Invoice must be a Harvest ID made of digits only',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
