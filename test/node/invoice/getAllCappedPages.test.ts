import type { INodeType } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runDeclarativeNode } from '../harness';
import { V2, received, runInvoice } from './invoiceRun';

/**
 * The node asks v2 for pages of 2000 invoices, the documented maximum; older docs say the default
 * is 100, and an account may answer fewer than asked. The sandbox answers at most 100 a page here,
 * saying `per_page: 100` as Harvest does: each page is then shorter than asked, yet not the last,
 * and Return All must still read every invoice, once (issue 9).
 */
describe('Invoice > Get Many on v2 when Harvest answers fewer invoices a page than asked', () => {
	const invoices = 350;
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices, throttle: false, v2MaxPerPage: 100 });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('Return All returns every invoice exactly once', async () => {
		const items = await runInvoice(sandbox, V2, 'getAll', { returnAll: true });

		const ids = items.map((item) => Number(item.json.id));
		expect(new Set(ids).size).toBe(ids.length);
		expect([...ids].sort((a, b) => a - b)).toEqual([...sandbox.store.invoices.keys()].sort((a, b) => a - b));
		// Still asking for 2000 a page: the node reads the answer's page size, it does not lower its own.
		const queries = received(sandbox.requests()).map((request) => request.query);
		expect(queries.length).toBeGreaterThan(invoices / 100);
		for (const query of queries) expect(query).toMatchObject({ page: '1', per_page: '2000' });
	});

	it('Return All under n8n routing (an n8n without custom operations) returns every invoice too', async () => {
		const routed: INodeType = new HarvestInvoicing();
		routed.customOperations = undefined;
		const items = await runDeclarativeNode(routed, {
			parameters: { resource: 'invoice', operation: 'getAll', returnAll: true } as never,
			credentials: V2.credentials(sandbox),
		});
		const ids = items.map((item) => Number(item.json.id));
		expect(new Set(ids).size).toBe(invoices);
		expect(ids).toHaveLength(invoices);
	});

	it('a Limit beyond the first page reads on to it', async () => {
		const items = await runInvoice(sandbox, V2, 'getAll', { returnAll: false, limit: 150 });
		const ids = items.map((item) => Number(item.json.id));
		expect(ids).toHaveLength(150);
		expect(new Set(ids).size).toBe(150);
	});
});
