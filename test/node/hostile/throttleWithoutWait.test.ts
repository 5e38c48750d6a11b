import { setHarvestRateLimit } from '../../../nodes/HarvestInvoicing/transport/rateBudget';
import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, openInvoice, operationRunner } from '../operationKit';

/** The throttle window the node paces for here: Harvest's is 15 s, a short one keeps the test short. */
const WINDOW_MS = 2000;

// A throttle answer that does not say how long to wait (no Retry-After, or one written as an
// HTTP-date) still locks the whole account: the node waits Harvest's window before sending
// anything, instead of hammering Harvest (which extends the lockout) or giving up at once.
describe.each(EACH_WIRE)('A throttle without a usable Retry-After (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		setHarvestRateLimit({ limit: 100, windowMs: WINDOW_MS });
	});
	afterAll(async () => {
		setHarvestRateLimit(false);
		await sandbox.stop();
	});
	afterEach(() => sandbox.clearFaults());

	const calls = (method: string) => sandbox.requests().filter((request) => request.method === method);
	const gapMs = (first: { receivedAt: string }, second: { receivedAt: string }) => Date.parse(second.receivedAt) - Date.parse(first.receivedAt);

	it.each([
		['without Retry-After, the read waits the window', 'none', WINDOW_MS],
		['with Retry-After as an HTTP-date, the read waits until then', 'date', 2000],
	] as const)('%s, then reads again', async (_case, retryAfter, waitMs) => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.clearRequests();
		sandbox.setFault({ kind: 'throttle', retryAfter, retryAfterSeconds: 2, method: 'GET', path: wire.path('/invoices/:id'), times: 1 });
		const items = await operationRunner(sandbox, 'invoice', wire)('get', { invoiceId: byId(invoiceId) });
		expect(items[0].json.id).toBe(invoiceId);
		const reads = calls('GET').filter((request) => request.path === wire.path(`/invoices/${invoiceId}`));
		expect(reads.map((request) => request.status)).toEqual([wire.throttleStatus, 200]);
		// HTTP-dates are whole seconds: up to one less than asked may be left when it arrives.
		expect(gapMs(reads[0], reads[1])).toBeGreaterThanOrEqual(waitMs - (retryAfter === 'date' ? 1000 : 0));
	}, 20_000);

	it('without Retry-After on a write, the whole account waits the window; the write goes again only if Harvest surely refused it', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.clearRequests();
		sandbox.setFault({ kind: 'throttle', retryAfter: 'none', method: 'POST', path: wire.path('/invoices/:id/payments'), times: 1 });
		const pay = operationRunner(sandbox, 'payment', wire)('create', { invoiceId: byId(invoiceId), amount: 100, paidAt: '2026-06-10' });
		if (wire.api === 'v2') {
			// A 429 is a refusal for the rate by definition: Harvest did nothing, so it is sent again after the window.
			await pay;
			expect(calls('POST').map((request) => request.status)).toEqual([429, 201]);
			expect(sandbox.store.paymentsOf(invoiceId)).toHaveLength(1);
		} else {
			// Harvest's own 503 throttle always says how long to wait; a bare 503 may come from a proxy after Harvest acted.
			await expect(pay).rejects.toThrow('unknown whether the change was made');
			expect(calls('POST')).toHaveLength(1);
			// Any other call on the account waits out the window too.
			await operationRunner(sandbox, 'invoice', wire)('get', { invoiceId: byId(invoiceId) });
		}
		const [post, next] = sandbox.requests().filter((request) => request.method === 'POST' || request.method === 'GET');
		expect(gapMs(post, next)).toBeGreaterThanOrEqual(WINDOW_MS);
	}, 20_000);
});
