import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, openInvoice, operationRunner, received, V1_JSON, V2 } from '../operationKit';

// A payment must never be recorded twice: a POST that may have reached Harvest is not re-sent,
// one that Harvest refused before processing (its throttle) is.
describe.each(EACH_WIRE)('Payment > Create when the connection fails (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'payment', wire);
	});
	afterAll(async () => await sandbox.stop());
	afterEach(() => sandbox.clearFaults());

	const pay = async (invoiceId: number) =>
		await run('create', { invoiceId: byId(invoiceId), amount: 100, paidAt: '2026-06-10' });
	const posts = () => received(sandbox).filter((request) => request.method === 'POST');

	it('does not send again when the connection drops after Harvest recorded it', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.setFault({ kind: 'reset', method: 'POST', path: wire.path('/invoices/:id/payments'), phase: 'after', times: 1 });
		await expect(pay(invoiceId)).rejects.toThrow('unknown whether the change was made');
		expect(posts()).toHaveLength(1);
		expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(1);
	});

	it('waits out a throttle answered before processing and sends once more', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.setFault({ kind: 'throttle', method: 'POST', path: wire.path('/invoices/:id/payments'), times: 1, retryAfterSeconds: 1 });
		const items = await pay(invoiceId);
		const sent = { v1: { payment: { amount: 100, paid_at: '2026-06-10T00:00:00Z' } }, v2: { amount: 100, paid_date: '2026-06-10' } }[wire.api];
		expect(posts().map((request) => request.body)).toEqual([sent, sent]);
		expect(sandbox.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([wire.throttleStatus, 201]);
		expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ amount: 100, invoice_state: wire.state('partial'), invoice_due_amount: 900 });
	});
});

// Not v1 XML: its decoder reads the sandbox's damaged XML leniently, so the failure is staged in the JSON reader.
describe.each([
	[V1_JSON.name, V1_JSON],
	[V2.name, V2],
] as const)('Payment > Create when reading the payment back fails (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('outputs the recorded payment as a success item saying the read-back failed, and does not send it again', async () => {
		const run = operationRunner(sandbox, 'payment', wire);
		const invoiceId = await openInvoice(sandbox);
		// The first read after the write: the payment on v1; v2 answers the POST with it, the invoice is read next.
		const firstRead = { v1: '/invoices/:id/payments/:paymentId', v2: '/v2/invoices/:id' }[wire.api];
		sandbox.setFault({ kind: 'malformed', method: 'GET', path: firstRead });
		const [item] = await run('create', { invoiceId: byId(invoiceId), amount: 100, paidAt: '2026-06-10' });
		expect(item.json).toMatchObject({ id: sandbox.store.paymentsOf(invoiceId)[0].id, invoice_id: invoiceId });
		expect(item.json.read_back_error).toContain('Harvest recorded the payment, but reading the result back failed');
		expect(received(sandbox).filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(1);
	});
});
