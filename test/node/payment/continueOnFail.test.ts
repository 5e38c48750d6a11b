import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, openInvoice, operationRunner } from '../operationKit';

describe.each(EACH_WIRE)('Payment > Create with Continue On Fail (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('gives one item per input item, errors in place of the failing ones', async () => {
		const run = operationRunner(sandbox, 'payment', wire);
		const invoiceId = await openInvoice(sandbox);
		// Valid; refused by the node (not a number); refused by Harvest (more than is due).
		const input: INodeExecutionData[] = [{ json: { amount: 100 } }, { json: { amount: 'a lot' } }, { json: { amount: 5000 } }];
		const items = await run(
			'create',
			{ invoiceId: byId(invoiceId), amount: '={{ $json.amount }}', paidAt: '2026-06-12' },
			{ continueOnFail: true, items: input },
		);
		expect(items).toHaveLength(3);
		expect(items[0].json).toMatchObject({ amount: 100, invoice_state: wire.state('partial') });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].error).toBeInstanceOf(NodeOperationError);
		expect(items[1].error?.message).toMatch(/^Amount must be a number.* \[item 1\]$/);
		expect(items[2].error).toBeInstanceOf(NodeApiError);
		// n8n shows an error item as { "error": message }: the number names the input item among many.
		expect(items[2].error?.message).toBe('Harvest could not accept the data (HTTP 422) [item 2]');
		// Error items are paired with their input item too: on the error output (which n8n fills
		// before it pairs anything by position) the nodes after it can still reach that item.
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.store.paymentsOf(invoiceId).map((payment) => payment.amount)).toEqual([100]);
		// Only the first and third items reached Harvest.
		expect(sandbox.requests().filter((request) => request.method === 'POST')).toHaveLength(2);
	});
});
