import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, openInvoice, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Payment > Get (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	let invoiceId: number;
	let paymentId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'payment', wire);
		invoiceId = await openInvoice(sandbox, [250]);
		paymentId = sandbox.store.paymentsOf(invoiceId)[0].id;
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('returns the payment', async () => {
		const items = await run('get', { invoiceId: byId(invoiceId), paymentId: String(paymentId) });
		expect(items).toEqual([
			{
				// Each API's own record: v1's names its invoice and has `authorization`, v2's has a payment gateway.
				json: expect.objectContaining({
					id: paymentId,
					amount: 250,
					...wire.paymentOf(invoiceId),
					...{ v1: { authorization: null }, v2: { paid_date: '2026-06-10', payment_gateway: { id: null, name: null } } }[wire.api],
				}),
				pairedItem: { item: 0 },
			},
		]);
		// v2 has no route for one payment: the node lists the invoice's payments and picks it.
		const path = { v1: `/invoices/${invoiceId}/payments/${paymentId}`, v2: `/v2/invoices/${invoiceId}/payments` }[wire.api];
		expect(received(sandbox)).toEqual([{ method: 'GET', path, body: null }]);
	});

	it('says Harvest found no such payment', async () => {
		await expect(run('get', { invoiceId: byId(invoiceId), paymentId: '999' })).rejects.toThrow(
			{
				v1: 'Harvest found no such record, or this login has no permission to see it (HTTP 404)',
				v2: 'Harvest has no payment 999 on this invoice (HTTP 404)',
			}[wire.api],
		);
	});

	it('refuses a Payment ID that is not digits before any request', async () => {
		await expect(run('get', { invoiceId: byId(invoiceId), paymentId: '../1' })).rejects.toThrow(
			'Payment ID must be a Harvest ID made of digits only',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
