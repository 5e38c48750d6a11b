import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, openInvoice, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Payment > Delete (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'payment', wire);
	});
	afterAll(async () => await sandbox.stop());

	it("deletes the payment and outputs the invoice's new state and due amount", async () => {
		const invoiceId = await openInvoice(sandbox, [400, 600]);
		const paymentId = sandbox.store.paymentsOf(invoiceId)[1].id;
		const items = await run('delete', { invoiceId: byId(invoiceId), paymentId: String(paymentId) });
		// A paid invoice goes back to partially paid.
		expect(items).toEqual([
			{
				json: { id: paymentId, invoice_id: invoiceId, deleted: true, invoice_state: wire.state('partial'), invoice_due_amount: 600 },
				pairedItem: { item: 0 },
			},
		]);
		expect(received(sandbox)).toEqual([
			{ method: 'DELETE', path: wire.path(`/invoices/${invoiceId}/payments/${paymentId}`), body: null },
			{ method: 'GET', path: wire.path(`/invoices/${invoiceId}`), body: null },
		]);
		expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(1);
	});

	it('refuses a Payment ID that is not digits before any request', async () => {
		const invoiceId = await openInvoice(sandbox, [400]);
		await expect(run('delete', { invoiceId: byId(invoiceId), paymentId: '' })).rejects.toThrow(
			'Payment ID must be a Harvest ID made of digits only',
		);
		expect(sandbox.requests()).toHaveLength(0);
		expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(1);
	});
});
