import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, draftInvoice, openInvoice, operationRunner, received } from '../operationKit';
import { stateChange } from './messageWire';

describe.each(EACH_WIRE)('Message > state changes (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', wire);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('Mark as Sent opens a draft, with the note, and outputs the invoice read back', async () => {
		const invoiceId = await draftInvoice(sandbox);
		const items = await run('markAsSent', {
			invoiceId: byId(invoiceId),
			additionalFields: { body: 'Sent by post' },
		});
		expect(items).toEqual([
			{ json: expect.objectContaining({ id: invoiceId, state: 'open', due_amount: 1000 }), pairedItem: { item: 0 } },
		]);
		// Invoice extras, as Invoice > Get shows them.
		expect(items[0].json).toHaveProperty('client_dashboard_url');
		expect(received(sandbox)).toEqual([
			stateChange(wire, invoiceId, 'mark_as_sent', 'Sent by post'),
			{ method: 'GET', path: wire.path(`/invoices/${invoiceId}`), body: null },
		]);
		expect(sandbox.store.messagesOf(invoiceId).map((message) => message.body)).toEqual(['Sent by post']);
	});

	it('Mark as Draft turns an open invoice without payments back into a draft, sending no body', async () => {
		const invoiceId = await openInvoice(sandbox);
		const items = await run('markAsDraft', { invoiceId: byId(invoiceId) });
		expect(items[0].json).toMatchObject({ id: invoiceId, state: 'draft' });
		expect(received(sandbox)[0]).toEqual(stateChange(wire, invoiceId, 'mark_as_draft'));
	});

	it('Mark as Closed writes off a partially paid invoice', async () => {
		const invoiceId = await openInvoice(sandbox, [250]);
		const items = await run('markAsClosed', { invoiceId: byId(invoiceId), additionalFields: { body: 'Uncollectable' } });
		expect(items[0].json).toMatchObject({ id: invoiceId, state: 'closed' });
		expect(received(sandbox)[0]).toEqual(stateChange(wire, invoiceId, 'mark_as_closed', 'Uncollectable'));
	});

	it('Re-Open brings a closed invoice with payments back to partial', async () => {
		const invoiceId = await openInvoice(sandbox, [250]);
		await run('markAsClosed', { invoiceId: byId(invoiceId) });
		sandbox.clearRequests();
		const items = await run('reOpen', { invoiceId: byId(invoiceId) });
		expect(items[0].json).toMatchObject({ id: invoiceId, state: wire.state('partial'), due_amount: 750 });
		expect(received(sandbox)).toEqual([
			stateChange(wire, invoiceId, 're_open'),
			{ method: 'GET', path: wire.path(`/invoices/${invoiceId}`), body: null },
		]);
	});

	it("shows Harvest's refusal of a change the invoice's state does not allow", async () => {
		const invoiceId = await openInvoice(sandbox);
		await expect(run('markAsSent', { invoiceId: byId(invoiceId) })).rejects.toThrow(
			'Harvest could not accept the data (HTTP 422)',
		);
		expect(received(sandbox).map((request) => request.method)).toEqual(['POST']);
		expect(sandbox.store.invoices.get(invoiceId)?.state).toBe('open');
	});

	it('refuses an invoice ID that is not digits before any request', async () => {
		await expect(run('reOpen', { invoiceId: byId('abc') })).rejects.toThrow('Invoice must be a Harvest ID');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
