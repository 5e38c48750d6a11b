import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, received, runInvoice } from './invoiceRun';

describe.each(EACH_WIRE)('Invoice > Get Many (%s)', (_name, wire) => {
	// Two full pages and part of a third, so Return All walks the list on every wire (v1: 120, v2: 4020).
	const invoices = 2 * wire.pageSize + 20;
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const run = async (parameters: Record<string, unknown>) => await runInvoice(sandbox, wire, 'getAll', parameters);
	const idsOf = (list: Array<{ id: number }>) => list.map((invoice) => invoice.id).sort();
	const itemIds = (items: Array<{ json: { id?: unknown } }>) => items.map((item) => item.json.id).sort();

	it('returns up to Limit invoices, one item each, with one request', async () => {
		const items = await run({ returnAll: false, limit: 5 });
		expect(items).toHaveLength(5);
		expect(typeof items[0].json.id).toBe('number');
		expect(typeof items[0].json.amount).toBe('number');
		expect(items[0].json).toHaveProperty('client_dashboard_url');
		expect(items[0].json.line_items !== undefined).toBe(wire.listHasLineItems);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const requests = sandbox.requests();
		expect(received(requests)).toEqual([{ method: 'GET', path: wire.path('/invoices'), query: wire.listQuery({ page: '1' }), body: null }]);
		const type = wire.name === 'v1 XML' ? 'application/xml' : 'application/json';
		expect(requests[0].headers.accept).toBe(type);
		expect(requests[0].headers['content-type']).toBe(type);
		expect(requests[0].headers).not.toHaveProperty('authorization');
	});

	it('walks the whole list with Return All, by issue date, and stops after the last one', async () => {
		const items = await run({ returnAll: true });
		expect(items).toHaveLength(invoices);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(invoices);
		// After page 1, each read is page 1 of "issued on or before the last date read" (see transport/pageWalk.ts),
		// then one read of what changed during the walk.
		const queries = received(sandbox.requests()).map((r) => r.query);
		expect(queries[0]).toEqual(wire.listQuery({ page: '1' }));
		const walk = queries.slice(1, -1);
		expect(walk.length).toBeGreaterThanOrEqual(2);
		for (const query of walk) expect(query).toEqual(wire.listQuery({ page: '1', to: expect.stringMatching(wire.listDay) }));
		expect(queries.at(-1)).toEqual(wire.listQuery({ page: '1', updated_since: expect.stringMatching(wire.listMoment) }));
	});

	it('stops reading pages once Limit is reached', async () => {
		const items = await run({ returnAll: false, limit: wire.pageSize + 10 });
		expect(items).toHaveLength(wire.pageSize + 10);
		expect(received(sandbox.requests())).toHaveLength(2);
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
				path: wire.path('/invoices'),
				query: wire.listQuery({
					status: 'unpaid',
					client: String(clientId),
					from: '20250101',
					to: '20261231',
					updated_since: '2020-01-01 10:15',
					page: '1',
				}),
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
		expect(itemIds(items)).toEqual(idsOf(expected));
		for (const item of items) expect([wire.state('open'), wire.state('partial')]).toContain(item.json.state);
	});

	it.each([
		['open invoices: sent, nothing paid yet', 'open', ['open']],
		['partially paid invoices', 'partial', ['partial']],
	])('filters %s', async (_case, status, states) => {
		const items = await run({ returnAll: true, filters: { status } });
		expect(received(sandbox.requests())[0].query).toEqual(wire.listQuery({ status, page: '1' }));
		const expected = [...sandbox.store.invoices.values()].filter((invoice) => states.includes(invoice.state));
		expect(expected.length).toBeGreaterThan(0);
		expect(itemIds(items)).toEqual(idsOf(expected));
	});

	it("filters past-due invoices against Harvest's today", async () => {
		const items = await run({ returnAll: true, filters: { status: 'pastdue' } });
		expect(received(sandbox.requests())[0].query).toEqual(wire.listQuery({ status: 'pastdue', page: '1' }));
		const late = [...sandbox.store.invoices.values()].filter(
			(invoice) => (invoice.state === 'open' || invoice.state === 'partial') && invoice.dueAt < '2026-06-15',
		);
		expect(late.length).toBeGreaterThan(0);
		expect(itemIds(items)).toEqual(idsOf(late));
		for (const item of items) expect(String(item.json[wire.dueDateField]) < '2026-06-15').toBe(true);
	});

	it('filters written-off invoices with Status > Written Off', async () => {
		const items = await run({ returnAll: true, filters: { status: 'closed' } });
		expect(received(sandbox.requests())[0].query).toEqual(wire.listQuery({ status: 'closed', page: '1' }));
		const closed = [...sandbox.store.invoices.values()].filter((invoice) => invoice.state === 'closed');
		expect(itemIds(items)).toEqual(idsOf(closed));
	});

	it('sends Updated Since given as a bare date as 00:00 UTC that day', async () => {
		await run({ returnAll: false, limit: 1, filters: { updatedSince: '2026-06-01' } });
		expect(received(sandbox.requests())[0].query).toEqual(wire.listQuery({ updated_since: '2026-06-01 00:00', page: '1' }));
	});

	it('refuses a bad filter before any request', async () => {
		await expect(run({ returnAll: true, filters: { issuedFrom: '2026-05-02', issuedTo: '2026-05-01' } })).rejects.toThrow(
			/Issued To \(2026-05-01\) is before Issued From \(2026-05-02\)/,
		);
		await expect(run({ returnAll: true, filters: { clientId: 'Acme' } })).rejects.toThrow(/Client must be a Harvest ID/);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
