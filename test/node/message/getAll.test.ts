import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, draftInvoice, operationRunner, received } from '../operationKit';
import { harvest } from '../../sandbox/testing/client';
import { recipientList } from './messageWire';

describe.each(EACH_WIRE)('Message > Get Many (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	let invoiceId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', wire);
		invoiceId = await draftInvoice(sandbox);
		const client = harvest(sandbox);
		for (const recipients of ['ann@example.com', 'bob@example.com', 'cy@example.com']) {
			await client.post(`/invoices/${invoiceId}/messages`, { message: { recipients, body: 'Line one\nLine two' } });
		}
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('returns every message of the invoice with Return All, in one request', async () => {
		const items = await run('getAll', { invoiceId: byId(invoiceId), returnAll: true });
		expect(items.map((item) => recipientList(item.json))).toEqual([
			'ann@example.com',
			'bob@example.com',
			'cy@example.com',
		]);
		expect(items[0].json).toMatchObject({ ...wire.paymentOf(invoiceId), body: 'Line one\nLine two', send_reminder_on: null });
		expect(received(sandbox)).toEqual([{ method: 'GET', path: wire.path(`/invoices/${invoiceId}/messages`), body: null }]);
	});

	it('cuts the list at Limit (Harvest does not paginate messages)', async () => {
		const items = await run('getAll', { invoiceId: byId(invoiceId), returnAll: false, limit: 1 });
		expect(items.map((item) => recipientList(item.json))).toEqual(['ann@example.com']);
		expect(received(sandbox)).toHaveLength(1);
	});

	it('refuses an invoice ID that is not digits before any request', async () => {
		await expect(run('getAll', { invoiceId: byId('-1'), returnAll: true })).rejects.toThrow(
			'Invoice must be a Harvest ID',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
