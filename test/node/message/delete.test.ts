import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, openInvoice, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Message > Delete (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', wire);
	});
	afterAll(async () => await sandbox.stop());

	it('deletes the message and says what was deleted; the invoice keeps its state', async () => {
		const invoiceId = await openInvoice(sandbox);
		const messageId = sandbox.store.messagesOf(invoiceId)[0].id;
		const items = await run('delete', { invoiceId: byId(invoiceId), messageId: String(messageId) });
		expect(items).toEqual([{ json: { id: messageId, invoice_id: invoiceId, deleted: true }, pairedItem: { item: 0 } }]);
		expect(received(sandbox)).toEqual([
			{ method: 'DELETE', path: wire.path(`/invoices/${invoiceId}/messages/${messageId}`), body: null },
		]);
		expect(sandbox.store.messagesOf(invoiceId)).toHaveLength(0);
		expect(sandbox.store.invoices.get(invoiceId)?.state).toBe('open');
	});

	it('refuses a Message ID that is not digits before any request', async () => {
		const invoiceId = await openInvoice(sandbox);
		await expect(run('delete', { invoiceId: byId(invoiceId), messageId: '1.5' })).rejects.toThrow('Message ID must be');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
