import { startSandbox, type Sandbox } from '../../sandbox';
import { recipientList } from './messageWire';
import { byId, EACH_WIRE, draftInvoice, operationRunner, received } from '../operationKit';
import { harvest } from '../../sandbox/testing/client';

describe.each(EACH_WIRE)('Message > Get (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	let invoiceId: number;
	let messageId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', wire);
		invoiceId = await draftInvoice(sandbox);
		await harvest(sandbox).post(`/invoices/${invoiceId}/messages`, { message: { recipients: 'ann@example.com' } });
		messageId = sandbox.store.messagesOf(invoiceId)[0].id;
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('returns the message', async () => {
		const items = await run('get', { invoiceId: byId(invoiceId), messageId: String(messageId) });
		// Each API's own record: v1's names its invoice, v2's does not.
		expect(items).toEqual([
			{ json: expect.objectContaining({ id: messageId, ...wire.paymentOf(invoiceId) }), pairedItem: { item: 0 } },
		]);
		expect(recipientList(items[0].json)).toBe('ann@example.com');
		// v2 has no route for one message: the node lists the invoice's messages and picks it.
		const path = { v1: `/invoices/${invoiceId}/messages/${messageId}`, v2: `/v2/invoices/${invoiceId}/messages` }[wire.api];
		expect(received(sandbox)).toEqual([{ method: 'GET', path, body: null }]);
	});

	it('says Harvest found no such message', async () => {
		await expect(run('get', { invoiceId: byId(invoiceId), messageId: '1' })).rejects.toThrow('(HTTP 404)');
	});

	it('refuses a Message ID that is not digits before any request', async () => {
		await expect(run('get', { invoiceId: byId(invoiceId), messageId: '12 OR 1=1' })).rejects.toThrow(
			'Message ID must be a Harvest ID made of digits only',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
