import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, runInvoice } from './invoiceRun';

describe.each(EACH_WIRE)('Invoice > Create after a dropped connection (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 5, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('is not sent again: one POST, one invoice, and an error that says so', async () => {
		sandbox.setFault({ kind: 'reset', method: 'POST', path: wire.path('/invoices'), phase: 'after', times: 1 });
		sandbox.clearRequests();
		const before = sandbox.store.invoices.size;
		const failure = runInvoice(sandbox, wire, 'create', {
			clientId: String([...sandbox.store.clients.keys()][0]),
			kind: 'free_form',
			lineItems: { lineItem: [{ kind: 'Service', description: 'Once only', quantity: 1, unitPrice: 100 }] },
		});
		await expect(failure).rejects.toThrow(/unknown whether the change was made/);
		await expect(failure).rejects.toMatchObject({ description: expect.stringMatching(/not sent again/) });
		const posts = sandbox.requests().filter((request) => request.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(posts[0]).toMatchObject({ path: wire.path('/invoices'), status: 0, fault: 'reset', applied: true });
		expect(sandbox.store.invoices.size).toBe(before + 1);
	});

	it('is not sent again after a 502 either (Harvest may have acted)', async () => {
		sandbox.setFault({ kind: '502', method: 'POST', path: wire.path('/invoices'), phase: 'after', times: 1 });
		sandbox.clearRequests();
		const before = sandbox.store.invoices.size;
		await expect(
			runInvoice(sandbox, wire, 'create', {
				clientId: String([...sandbox.store.clients.keys()][0]),
				kind: 'free_form',
				lineItems: { lineItem: [{ kind: 'Service', quantity: 1, unitPrice: 1 }] },
			}),
		).rejects.toThrow(/unknown whether the change was made/);
		expect(sandbox.requests().filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(sandbox.store.invoices.size).toBe(before + 1);
	});

	it('waits out a throttle answered before anything was done, then creates once', async () => {
		sandbox.setFault({ kind: 'throttle', method: 'POST', path: wire.path('/invoices'), times: 1, retryAfterSeconds: 1 });
		sandbox.clearRequests();
		const before = sandbox.store.invoices.size;
		const items = await runInvoice(sandbox, wire, 'create', {
			clientId: String([...sandbox.store.clients.keys()][0]),
			kind: 'free_form',
			lineItems: { lineItem: [{ kind: 'Service', quantity: 1, unitPrice: 1 }] },
		});
		expect(items).toHaveLength(1);
		expect(sandbox.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([wire.throttleStatus, 201]);
		expect(sandbox.store.invoices.size).toBe(before + 1);
	});
});
