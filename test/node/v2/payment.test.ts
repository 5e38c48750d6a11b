import { startSandbox, type Sandbox } from '../../sandbox';
import { openInvoice } from '../operationKit';
import { byId, calls, received, v2Runner } from './v2Run';

describe('Harvest API v2: Payment operations', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = v2Runner(sandbox);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const paymentBody = () => received(sandbox).find((request) => request.method === 'POST')!.body;

	it('records a payment on a date only with paid_date, and outputs it with the invoice state', async () => {
		const invoiceId = await openInvoice(sandbox);
		const [item] = await run('payment', 'create', { invoiceId: byId(invoiceId), amount: 250, paidAt: '2026-06-10T00:00:00', additionalFields: { notes: 'Wire' } });
		expect(received(sandbox)[0]).toEqual({
			method: 'POST',
			path: `/v2/invoices/${invoiceId}/payments`,
			query: {},
			body: { amount: 250, paid_date: '2026-06-10', notes: 'Wire' },
		});
		const [stored] = sandbox.store.paymentsOf(invoiceId);
		expect(stored).toMatchObject({ amount: 250, paidAt: '2026-06-10T00:00:00Z', notes: 'Wire' });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ id: stored.id, amount: 250, paid_date: '2026-06-10', invoice_state: 'open', invoice_due_amount: 750 });
	});

	it('records a payment at a moment with paid_at, never both', async () => {
		const invoiceId = await openInvoice(sandbox);
		const [item] = await run('payment', 'create', { invoiceId: byId(invoiceId), amount: 1000, paidAt: '2026-06-12T14:30:00Z' });
		expect(paymentBody()).toEqual({ amount: 1000, paid_at: '2026-06-12T14:30:00Z' });
		expect(item.json).toMatchObject({ amount: 1000, invoice_state: 'paid', invoice_due_amount: 0 });
	});

	it('gets one payment by picking it from the list; an unknown id is a clear 404', async () => {
		const invoiceId = await openInvoice(sandbox, [100, 200]);
		const [first] = sandbox.store.paymentsOf(invoiceId);
		const [item] = await run('payment', 'get', { invoiceId: byId(invoiceId), paymentId: String(first.id) });
		expect(calls(sandbox)[0]).toBe(`GET /v2/invoices/${invoiceId}/payments`);
		expect(item.json).toMatchObject({ id: first.id, amount: first.amount });
		await expect(run('payment', 'get', { invoiceId: byId(invoiceId), paymentId: '999999' })).rejects.toThrow(/HTTP 404/);
	});

	it('gets every payment, or the first Limit', async () => {
		const invoiceId = await openInvoice(sandbox, [100, 200, 300]);
		const all = await run('payment', 'getAll', { invoiceId: byId(invoiceId), returnAll: true });
		expect(calls(sandbox)[0]).toBe(`GET /v2/invoices/${invoiceId}/payments`);
		expect(all.map((item) => item.json.amount).sort()).toEqual([100, 200, 300]);
		expect(await run('payment', 'getAll', { invoiceId: byId(invoiceId), returnAll: false, limit: 2 })).toHaveLength(2);
	});

	it('deletes a payment and the invoice owes it again', async () => {
		const invoiceId = await openInvoice(sandbox, [400]);
		const [payment] = sandbox.store.paymentsOf(invoiceId);
		await run('payment', 'delete', { invoiceId: byId(invoiceId), paymentId: String(payment.id) });
		expect(calls(sandbox)).toContain(`DELETE /v2/invoices/${invoiceId}/payments/${payment.id}`);
		expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(0);
		expect(sandbox.store.invoices.get(invoiceId)!.dueAmount).toBe(1000);
	});

	it('refuses a Payment ID that is not digits before any request', async () => {
		await expect(run('payment', 'get', { invoiceId: byId('1'), paymentId: '../1' })).rejects.toThrow('Payment ID must be a Harvest ID');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
