import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, openInvoice, operationRunner, received, V1_JSON } from '../operationKit';
import { startCaptureServer, type CaptureServer } from './captureServer';

// A redirect must never carry the Harvest login to another address: n8n re-attaches the
// Authorization header on every redirect unless told otherwise, so the node follows none.
describe.each([301, 302, 307, 308])('A redirect to another origin (HTTP %i)', (status) => {
	let sandbox: Sandbox;
	let elsewhere: CaptureServer;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		elsewhere = await startCaptureServer();
	});
	afterAll(async () => {
		await sandbox.stop();
		await elsewhere.stop();
	});
	afterEach(() => sandbox.clearFaults());

	it.each([
		['GET', 'invoice', 'get', '/invoices/:id'],
		['POST', 'payment', 'create', '/invoices/:id/payments'],
	])('%s (%s > %s) is not followed and says where Harvest pointed', async (method, resource, operation, path) => {
		const invoiceId = await openInvoice(sandbox);
		const target = `${elsewhere.url}/steal?from=harvest`;
		sandbox.setFault({ kind: 'redirect', status, location: target, method, path });
		const run = operationRunner(sandbox, resource, V1_JSON);
		const parameters = resource === 'payment' ? { amount: 100, paidAt: '2026-06-10' } : {};
		await expect(run(operation, { invoiceId: byId(invoiceId), ...parameters })).rejects.toThrow(
			`Harvest redirected the request to ${target}`,
		);
		expect(elsewhere.received).toEqual([]);
		expect(received(sandbox).filter((request) => request.method === method)).toHaveLength(1);
	});
});
