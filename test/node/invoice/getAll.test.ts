import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_V1_WIRE, received, runInvoice } from './invoiceRun';

// Not yet on v2 (issue 9 time box): its v1 expectations still need their v2 forms; the v2
// counterparts are in test/node/v2/invoice.test.ts.
describe.each(EACH_V1_WIRE)('Invoice > Get Many (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 120, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const run = async (parameters: Record<string, unknown>) => await runInvoice(sandbox, wire, 'getAll', parameters);

	it('returns up to Limit invoices, one item each, with one request', async () => {
		const items = await run({ returnAll: false, limit: 5 });
		expect(items).toHaveLength(5);
		expect(typeof items[0].json.id).toBe('number');
		expect(typeof items[0].json.amount).toBe('number');
		expect(items[0].json).toHaveProperty('client_dashboard_url');
		expect(items[0].json).not.toHaveProperty('line_items');
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const requests = sandbox.requests();
		expect(received(requests)).toEqual([{ method: 'GET', path: '/invoices', query: { page: '1' }, body: null }]);
		const type = wire.name === 'v1 XML' ? 'application/xml' : 'application/json';
		expect(requests[0].headers.accept).toBe(type);
		expect(requests[0].headers['content-type']).toBe(type);
		expect(requests[0].headers).not.toHaveProperty('authorization');
	});

	it('walks the whole list with Return All, by issue date, and stops after the last one', async () => {
		const items = await run({ returnAll: true });
		expect(items).toHaveLength(120);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(120);
		// After page 1, each read is page 1 of "issued on or before the last date read" (see transport/pageWalk.ts),
		// then one read of what changed during the walk.
		const queries = sandbox.requests().map((r) => r.query);
		expect(queries[0]).toEqual({ page: '1' });
		const walk = queries.slice(1, -1);
		expect(walk.length).toBeGreaterThanOrEqual(2);
		expect(walk.every((query) => query.page === '1' && /^\d{8}$/.test(String(query.to)))).toBe(true);
		expect(queries.at(-1)).toEqual({ page: '1', updated_since: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) });
	});

	it('stops reading pages once Limit is reached', async () => {
		const items = await run({ returnAll: false, limit: 60 });
		expect(items).toHaveLength(60);
		expect(sandbox.requests()).toHaveLength(2);
	});

	it('sends every filter the way Harvest reads it and returns only matching invoices', async () => {
		const clientId = [...sandbox.store.clients.keys()][0];
		const items = await run({
			returnAll: true,
			filters: {
				status: 'unpaid',
				clientId: String(clientId),
				issuedFrom: '2025-01-01T00:00:00',
				issuedTo: '2026-12-31T00:00:00',
				updatedSince: '2020-01-01T10:15:00Z',
			},
		});
		expect(received(sandbox.requests())).toEqual([
			{
				method: 'GET',
				path: '/invoices',
				query: {
					status: 'unpaid',
					client: String(clientId),
					from: '20250101',
					to: '20261231',
					updated_since: '2020-01-01 10:15',
					page: '1',
				},
				body: null,
			},
		]);
		const expected = [...sandbox.store.invoices.values()].filter(
			(invoice) =>
				invoice.clientId === clientId &&
				(invoice.state === 'open' || invoice.state === 'partial') &&
				invoice.issuedAt >= '2025-01-01' &&
				invoice.issuedAt <= '2026-12-31',
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((item) => item.json.id).sort()).toEqual(expected.map((invoice) => invoice.id).sort());
		for (const item of items) expect(['open', 'partial']).toContain(item.json.state);
	});

	it('filters past-due invoices', async () => {
		const items = await run({ returnAll: true, filters: { status: 'pastdue' } });
		expect(sandbox.requests()[0].query.status).toBe('pastdue');
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(String(item.json.due_at) < '2026-06-15').toBe(true);
	});

	it('filters written-off invoices with Status > Written Off', async () => {
		const items = await run({ returnAll: true, filters: { status: 'closed' } });
		expect(sandbox.requests()[0].query.status).toBe('closed');
		const closed = [...sandbox.store.invoices.values()].filter((invoice) => invoice.state === 'closed');
		expect(items.map((item) => item.json.id).sort()).toEqual(closed.map((invoice) => invoice.id).sort());
	});

	it('sends Updated Since given as a bare date as 00:00 UTC that day', async () => {
		await run({ returnAll: false, limit: 1, filters: { updatedSince: '2026-06-01' } });
		expect(sandbox.requests()[0].query).toEqual({ updated_since: '2026-06-01 00:00', page: '1' });
	});

	it('refuses a bad filter before any request', async () => {
		await expect(run({ returnAll: true, filters: { issuedFrom: '2026-05-02', issuedTo: '2026-05-01' } })).rejects.toThrow(
			/Issued To \(2026-05-01\) is before Issued From \(2026-05-02\)/,
		);
		await expect(run({ returnAll: true, filters: { clientId: 'Acme' } })).rejects.toThrow(/Client must be a Harvest ID/);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
