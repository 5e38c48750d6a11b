import { NodeApiError } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, byId, received, runInvoice } from './invoiceRun';

describe.each(EACH_WIRE)('Invoice > Get (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let invoiceId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 20, throttle: false });
		invoiceId = [...sandbox.store.invoices.keys()][3];
		// A description that needs quoting, to see line_items parsed from csv_line_items.
		sandbox.store.invoices.get(invoiceId)!.lineItems[0].description = 'Design, "phase" 1\nand café';
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const run = async (locatorValue: unknown) => await runInvoice(sandbox, wire, 'get', { invoiceId: locatorValue });

	it('returns the invoice as one item: snake_case, numbers, null, line items and dashboard link', async () => {
		const items = await run(byId(invoiceId));
		expect(received(sandbox.requests())).toEqual([{ method: 'GET', path: wire.path(`/invoices/${invoiceId}`), query: {}, body: null }]);
		expect(items).toHaveLength(1);
		const { json } = items[0];
		const stored = sandbox.store.invoices.get(invoiceId)!;
		expect(items[0].pairedItem).toEqual({ item: 0 });
		// Each API's own record (wire.invoice): v1's carries csv_line_items, v2's names its client and line projects as records.
		expect(json).toMatchObject(
			wire.invoice({
				id: invoiceId,
				client_id: stored.clientId,
				number: stored.number,
				amount: stored.amount,
				due_amount: stored.dueAmount,
				state: stored.state,
				recurring_invoice_id: null,
				client_dashboard_url: `https://demo.harvestapp.com/client/invoices/${stored.clientKey}`,
				csv_line_items: expect.any(String),
			}),
		);
		expect(json.line_items).toEqual(
			stored.lineItems.map((line) =>
				wire.lineItem({
					kind: line.kind,
					description: line.description,
					quantity: line.quantity,
					unit_price: line.unitPrice,
					amount: line.amount,
					taxed: line.taxed,
					taxed2: line.taxed2,
					project_id: line.projectId,
				}),
			),
		);
		expect(Object.keys(json).every((key) => /^[a-z0-9_]+$/.test(key))).toBe(true);
	});

	it('takes the invoice from the list mode and from its Harvest URL', async () => {
		const fromList = await run({ __rl: true, mode: 'list', value: String(invoiceId) });
		const fromUrl = await run({ __rl: true, mode: 'url', value: `https://demo.harvestapp.com/invoices/${invoiceId}` });
		expect(fromList[0].json.id).toBe(invoiceId);
		expect(fromUrl[0].json.id).toBe(invoiceId);
		expect(received(sandbox.requests()).map((r) => r.path)).toEqual([wire.path(`/invoices/${invoiceId}`), wire.path(`/invoices/${invoiceId}`)]);
	});

	it('refuses an ID that is not digits before any request', async () => {
		// RoutingNode rethrows a hook's NodeOperationError as a NodeApiError with the same message;
		// the original class shows with Continue On Fail (continueOnFail.test.ts).
		await expect(run(byId('12/../clients'))).rejects.toThrow(/Invoice must be a Harvest ID made of digits only/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('turns Harvest 404 into a NodeApiError that says what happened', async () => {
		const failure = run(byId(999999999));
		await expect(failure).rejects.toThrow(NodeApiError);
		await expect(failure).rejects.toThrow(/Harvest found no such record/);
	});
});
