import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, draftInvoice, openInvoice, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Payment > Create (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'payment', wire);
	});
	afterAll(async () => await sandbox.stop());

	it('records the payment and outputs it with the invoice state and due amount', async () => {
		const invoiceId = await openInvoice(sandbox);
		const items = await run('create', {
			invoiceId: byId(invoiceId),
			amount: 300.5,
			paidAt: '2026-06-10T00:00:00',
			additionalFields: { notes: 'Bank transfer' },
		});
		const [payment] = sandbox.store.paymentsOf(invoiceId);
		expect(items).toEqual([
			{
				json: expect.objectContaining({
					id: payment.id,
					invoice_id: invoiceId,
					amount: 300.5,
					paid_at: '2026-06-10T00:00:00Z',
					notes: 'Bank transfer',
					invoice_state: wire.state('partial'),
					invoice_due_amount: 699.5,
				}),
				pairedItem: { item: 0 },
			},
		]);
		// v1: the write, then the payment from Location and the invoice for its new state. v2 answers
		// with the payment and sends a date alone as paid_date.
		const sent = {
			v1: { payment: { amount: 300.5, paid_at: '2026-06-10T00:00:00Z', notes: 'Bank transfer' } },
			v2: { amount: 300.5, paid_date: '2026-06-10', notes: 'Bank transfer' },
		}[wire.api];
		expect(received(sandbox)).toEqual([
			{ method: 'POST', path: wire.path(`/invoices/${invoiceId}/payments`), body: sent },
			...wire.readBack(`/invoices/${invoiceId}/payments/${payment.id}`),
			{ method: 'GET', path: wire.path(`/invoices/${invoiceId}`), body: null },
		]);
		expect(sandbox.requests()[0].headers['content-type']).toBe(wire.name === 'v1 XML' ? 'application/xml' : 'application/json');
	});

	it('says the invoice is paid when the payment covers what is due', async () => {
		const invoiceId = await openInvoice(sandbox, [400]);
		const items = await run('create', { invoiceId: byId(invoiceId), amount: '600', paidAt: '2026-06-12' });
		expect(items[0].json).toMatchObject({ amount: 600, invoice_state: 'paid', invoice_due_amount: 0 });
	});

	it('keeps the day written when Paid At carries a time zone offset', async () => {
		const invoiceId = await openInvoice(sandbox);
		await run('create', { invoiceId: byId(invoiceId), amount: 10, paidAt: '2026-06-12T00:00:00.000+02:00' });
		expect(received(sandbox)[0].body).toEqual(
			{ v1: { payment: { amount: 10, paid_at: '2026-06-12T00:00:00Z' } }, v2: { amount: 10, paid_date: '2026-06-12' } }[wire.api],
		);
	});

	it('records a payment on a draft, which stays a draft until nothing is left due (as in Harvest)', async () => {
		const invoiceId = await draftInvoice(sandbox);
		const items = await run('create', { invoiceId: byId(invoiceId), amount: 400, paidAt: '2026-06-12' });
		expect(items[0].json).toMatchObject({ amount: 400, invoice_state: 'draft', invoice_due_amount: 600 });
		const paid = await run('create', { invoiceId: byId(invoiceId), amount: 600, paidAt: '2026-06-13' });
		expect(paid[0].json).toMatchObject({ amount: 600, invoice_state: 'paid', invoice_due_amount: 0 });
	});

	it("shows Harvest's refusal when the invoice cannot take a payment", async () => {
		const invoiceId = await openInvoice(sandbox);
		await expect(run('create', { invoiceId: byId(invoiceId), amount: 1000.01, paidAt: '2026-06-12' })).rejects.toThrow(
			'Harvest could not accept the data (HTTP 422)',
		);
		expect(received(sandbox).map((request) => request.method)).toEqual(['POST']);
		expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(0);
	});

	it.each([
		['an amount of zero', { amount: 0 }, 'Amount must be at least 0.01'],
		['a negative amount', { amount: -5 }, 'Amount must be at least 0.01'],
		['an amount below one cent', { amount: 0.004 }, 'Amount must be at least 0.01'],
		['an amount that is not a number', { amount: '12,50' }, 'Amount must be a number'],
		['no Paid At', { paidAt: '' }, 'Paid At must be a date or a date and time'],
		['a Paid At that is not a date', { paidAt: 'last Tuesday' }, 'Paid At must be a date or a date and time'],
		['an invoice ID that is not digits', { invoiceId: byId('INV-12') }, 'Invoice must be a Harvest ID'],
	])('refuses %s before any request', async (_case, override, message) => {
		const invoiceId = await openInvoice(sandbox);
		const parameters = { invoiceId: byId(invoiceId), amount: 10, paidAt: '2026-06-12', ...override };
		await expect(run('create', parameters)).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
