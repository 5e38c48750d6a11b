import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, draftInvoice, operationRunner } from '../operationKit';

describe.each(EACH_WIRE)('Message > Send with Continue On Fail (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('sends for the good items and gives an error item for each failing one', async () => {
		const run = operationRunner(sandbox, 'message', wire);
		const [first, second] = [await draftInvoice(sandbox), await draftInvoice(sandbox)];
		const items = await run(
			'send',
			{ invoiceId: '={{ $json.invoice }}', recipients: '={{ $json.to }}' },
			{
				continueOnFail: true,
				items: [
					{ json: { invoice: first, to: 'ann@example.com' } },
					{ json: { invoice: second, to: 'not-an-address' } },
					{ json: { invoice: 424242, to: 'ann@example.com' } },
				],
			},
		);
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ json: { invoice_id: first, invoice_state: 'open' }, pairedItem: { item: 0 } });
		expect(items[1].error).toBeInstanceOf(NodeOperationError);
		expect(items[1].error?.message).toContain('(not an email address: "not-an-address")');
		expect(items[2].error).toBeInstanceOf(NodeApiError);
		expect(items[2].error?.message).toContain('(HTTP 404)');
		// Each error item names and is paired with its input item.
		expect(items[1].error?.message).toMatch(/ \[item 1\]$/);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.store.messagesOf(second)).toHaveLength(0);
		expect(sandbox.store.invoices.get(second)?.state).toBe('draft');
	});

	it("two items of one client whose contacts cannot be read: each error item names its own input item", async () => {
		const run = operationRunner(sandbox, 'message', wire);
		// Both drafts are for the same client: the items share one read of its contacts, and its error.
		const [first, second] = [await draftInvoice(sandbox), await draftInvoice(sandbox)];
		sandbox.setFault({ kind: 'loginPage', method: 'GET', path: wire.api === 'v2' ? '/v2/contacts' : '/clients/:id/contacts' });
		try {
			const items = await run(
				'send',
				{ invoiceId: '={{ $json.invoice }}', sendTo: 'clientContacts' },
				{ continueOnFail: true, items: [{ json: { invoice: first } }, { json: { invoice: second } }] },
			);
			expect(items.map((item) => item.error?.message.match(/ \[item \d+\]/g))).toEqual([[' [item 0]'], [' [item 1]']]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(sandbox.requests().filter((request) => request.method === 'POST')).toEqual([]);
		} finally {
			sandbox.clearFaults();
		}
	});
});
