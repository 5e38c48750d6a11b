import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, DATA_FORMATS, draftInvoice, operationRunner, received } from '../operationKit';
import { harvest } from '../../sandbox/testing/client';

describe.each(DATA_FORMATS)('Message > Get (%s)', (dataFormat) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	let invoiceId: number;
	let messageId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', dataFormat);
		invoiceId = await draftInvoice(sandbox);
		await harvest(sandbox).post(`/invoices/${invoiceId}/messages`, { message: { recipients: 'ann@example.com' } });
		messageId = sandbox.store.messagesOf(invoiceId)[0].id;
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('returns the message', async () => {
		const items = await run('get', { invoiceId: byId(invoiceId), messageId: String(messageId) });
		expect(items).toEqual([
			{
				json: expect.objectContaining({ id: messageId, invoice_id: invoiceId, full_recipient_list: 'ann@example.com' }),
				pairedItem: { item: 0 },
			},
		]);
		expect(received(sandbox)).toEqual([
			{ method: 'GET', path: `/invoices/${invoiceId}/messages/${messageId}`, body: null },
		]);
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
