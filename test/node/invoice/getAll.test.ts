import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runDeclarativeNode, sandboxCredentials } from '../harness';

describe.each(['json', 'xml'] as const)('Invoice > Get Many (%s)', (dataFormat) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 120, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const run = async (parameters: Record<string, unknown>) =>
		await runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { resource: 'invoice', operation: 'getAll', ...parameters },
			credentials: sandboxCredentials(sandbox, { dataFormat }),
		});

	it('returns up to Limit invoices, one item each, with one request', async () => {
		const items = await run({ returnAll: false, limit: 5 });
		expect(items).toHaveLength(5);
		expect(typeof items[0].json.id).toBe('number');
		expect(typeof items[0].json.amount).toBe('number');
		expect(items[0].json).toHaveProperty('client_dashboard_url');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const requests = sandbox.requests();
		expect(requests.map((r) => `${r.method} ${r.path} ${r.query.page}`)).toEqual(['GET /invoices 1']);
		const type = dataFormat === 'xml' ? 'application/xml' : 'application/json';
		expect(requests[0].headers.accept).toBe(type);
		expect(requests[0].headers).not.toHaveProperty('authorization');
	});

	it('walks every page with Return All and stops after the last one', async () => {
		const items = await run({ returnAll: true });
		expect(items).toHaveLength(120);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(120);
		expect(sandbox.requests().map((r) => r.query.page)).toEqual(['1', '2', '3']);
	});
});
