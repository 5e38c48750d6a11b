import { startSandbox, type Sandbox } from '../../sandbox';
import { openInvoice } from '../operationKit';
import { byId, v2Runner } from './v2Run';

// v2's throttle is 429 only: its 503 is an outage. A read is retried a couple of times at once,
// like after any 5xx, and the account is not paused as for a throttle (Retry-After or not).
describe('Harvest API v2: a 503 is an outage, not the throttle', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = v2Runner(sandbox);
	});
	afterAll(async () => await sandbox.stop());
	afterEach(() => sandbox.clearFaults());

	const reads = (invoiceId: number) => sandbox.requests().filter((request) => request.method === 'GET' && request.path === `/v2/invoices/${invoiceId}`);
	const gapMs = (first: { receivedAt: string }, second: { receivedAt: string }) => Date.parse(second.receivedAt) - Date.parse(first.receivedAt);

	it('a read is sent again soon, not after the Retry-After a throttle would be waited for', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.clearRequests();
		sandbox.setFault({ kind: '503', retryAfterSeconds: 10, method: 'GET', path: '/v2/invoices/:id', times: 1 });
		const items = await run('invoice', 'get', { invoiceId: byId(invoiceId) });
		expect(items[0].json.id).toBe(invoiceId);
		const [failed, answered] = reads(invoiceId);
		expect([failed.status, answered.status]).toEqual([503, 200]);
		expect(gapMs(failed, answered)).toBeLessThan(3000);
	}, 20_000);

	it('a lasting outage fails a read after two more tries, named as such, and the account goes on at once', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.clearRequests();
		sandbox.setFault({ kind: '503', method: 'GET', path: '/v2/invoices/:id' });
		const failure = run('invoice', 'get', { invoiceId: byId(invoiceId) });
		await expect(failure).rejects.toThrow('Harvest is unavailable (HTTP 503)');
		expect(reads(invoiceId).map((request) => request.status)).toEqual([503, 503, 503]);
		sandbox.clearFaults();
		// A throttle would have paused the account for Harvest's 15 s window.
		const started = Date.now();
		await run('invoice', 'get', { invoiceId: byId(invoiceId) });
		expect(Date.now() - started).toBeLessThan(3000);
	}, 20_000);

	it('a write is reported once, as an outage, and not sent again', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.clearRequests();
		sandbox.setFault({ kind: '503', method: 'POST', path: '/v2/invoices/:id/payments', times: 1 });
		const pay = run('payment', 'create', { invoiceId: byId(invoiceId), amount: 100, paidAt: '2026-06-10' });
		await expect(pay).rejects.toThrow('Harvest is unavailable (HTTP 503)');
		expect(sandbox.requests().filter((request) => request.method === 'POST').map((request) => request.status)).toEqual([503]);
		expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(0);
	}, 20_000);
});
