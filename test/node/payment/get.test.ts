import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, DATA_FORMATS, openInvoice, operationRunner, received } from '../operationKit';

describe.each(DATA_FORMATS)('Payment > Get (%s)', (dataFormat) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	let invoiceId: number;
	let paymentId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'payment', dataFormat);
		invoiceId = await openInvoice(sandbox, [250]);
		paymentId = sandbox.store.paymentsOf(invoiceId)[0].id;
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('returns the payment', async () => {
		const items = await run('get', { invoiceId: byId(invoiceId), paymentId: String(paymentId) });
		expect(items).toEqual([
			{
				json: expect.objectContaining({ id: paymentId, invoice_id: invoiceId, amount: 250, authorization: null }),
				pairedItem: { item: 0 },
			},
		]);
		expect(received(sandbox)).toEqual([
			{ method: 'GET', path: `/invoices/${invoiceId}/payments/${paymentId}`, body: null },
		]);
	});

	it('says Harvest found no such payment', async () => {
		await expect(run('get', { invoiceId: byId(invoiceId), paymentId: '999' })).rejects.toThrow(
			'Harvest found no such record, or this login has no permission to see it (HTTP 404)',
		);
	});

	it('refuses a Payment ID that is not digits before any request', async () => {
		await expect(run('get', { invoiceId: byId(invoiceId), paymentId: '../1' })).rejects.toThrow(
			'Payment ID must be a Harvest ID made of digits only',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
