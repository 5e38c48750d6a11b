import type { NodeApiError } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, openInvoice, operationRunner } from '../operationKit';

/**
 * One run of a write operation over several items, without Continue On Fail. n8n stops the
 * workflow at a failing node and keeps none of its output, so the user must learn from the error
 * alone what happened: bad input of any item means nothing was sent (fix it and run again, nothing
 * doubles), and a failure Harvest reports names the items that were applied all the same.
 */
describe.each(EACH_WIRE)('several writes in one run, without Continue On Fail (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let invoices: number[];
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 12, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(async () => {
		sandbox.reset({ invoices: 12, throttle: false });
		invoices = [await openInvoice(sandbox), await openInvoice(sandbox), await openInvoice(sandbox)];
		sandbox.clearRequests();
	});

	const failureOf = async (run: Promise<unknown>) =>
		(await run.then(
			() => {
				throw new Error('the run succeeded');
			},
			(error: unknown) => error,
		)) as NodeApiError;
	const writes = () => sandbox.requests().filter((request) => request.method !== 'GET');
	/** Payment > Create of one run: one item per amount, on the test's invoices in order. */
	const recordPayments = async (amounts: Array<number | string>) =>
		await failureOf(
			operationRunner(sandbox, 'payment', wire)(
				'create',
				{ invoiceId: '={{ $json.invoice }}', amount: '={{ $json.amount }}', paidAt: '2026-06-12' },
				{ items: amounts.map((amount, index) => ({ json: { invoice: invoices[index], amount } })) },
			),
		);
	const messages = () => invoices.map((id) => sandbox.store.messagesOf(id).length);

	it('an invalid recipient on one item sends no email at all, and the error names that item and field', async () => {
		const before = messages();
		const run = operationRunner(sandbox, 'message', wire);
		const failure = await failureOf(
			run(
				'send',
				{ invoiceId: '={{ $json.invoice }}', recipients: '={{ $json.to }}' },
				{
					items: [
						{ json: { invoice: invoices[0], to: 'ann@example.com' } },
						{ json: { invoice: invoices[1], to: 'not-an-address' } },
						{ json: { invoice: invoices[2], to: 'bob@example.com' } },
					],
				},
			),
		);
		expect(failure.message).toContain('Nothing was sent: item 1');
		expect(failure.message).toContain('not an email address: "not-an-address"');
		expect(failure.description).toContain('No item of this run was sent');
		expect(writes()).toEqual([]);
		expect(messages()).toEqual(before);
	});

	it('an invalid amount on the last item records no payment at all', async () => {
		const failure = await recordPayments([100, 100, 'a lot']);
		expect(failure.message).toContain('Nothing was sent: item 2');
		expect(failure.message).toContain('Amount must be a number');
		expect(writes()).toEqual([]);
		expect(invoices.map((id) => sandbox.store.paymentsOf(id).length)).toEqual([0, 0, 0]);
	});

	it('the invalid item itself, when it comes first, says the others were not sent either', async () => {
		const failure = await recordPayments([-5, 100]);
		expect(failure.message).toContain('Amount');
		expect(failure.description).toContain('No item of this run was sent');
		expect(writes()).toEqual([]);
	});

	it('when Harvest refuses one item, the error lists the items that were applied, by index and ID', async () => {
		// Item 1 is more than is due: the node cannot know, Harvest refuses it.
		const failure = await recordPayments([100, 5000, 200]);
		const [first] = sandbox.store.paymentsOf(invoices[0]);
		const [third] = sandbox.store.paymentsOf(invoices[2]);
		expect(sandbox.store.paymentsOf(invoices[1])).toEqual([]);
		expect(failure.message).toContain('HTTP 422');
		expect(failure.description).toContain(
			`Item 1 failed. These other items of this run were applied in Harvest: item 0 (payment ${first.id} on invoice ${invoices[0]}), item 2 (payment ${third.id} on invoice ${invoices[2]}).`,
		);
		expect(failure.description).toContain('Continue (using error output)');
	});

	it('names every other failure too, and says when nothing else was applied', async () => {
		const run = operationRunner(sandbox, 'message', wire);
		const failure = await failureOf(
			run(
				'send',
				{ invoiceId: '={{ $json.invoice }}', recipients: 'ann@example.com' },
				{ items: [{ json: { invoice: 424241 } }, { json: { invoice: 424242 } }] },
			),
		);
		expect(failure.description).toContain('Item 0 failed. No other item of this run was applied: item 1 failed too.');
	});
});
