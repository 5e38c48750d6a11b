import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, draftInvoice, operationRunner, received } from '../operationKit';

// An email must never go out twice: a POST that may have reached Harvest is not re-sent, one
// that Harvest refused before processing (its throttle) is.
describe.each(EACH_WIRE)('Message > Send when the connection fails (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', wire);
	});
	afterAll(async () => await sandbox.stop());
	afterEach(() => sandbox.clearFaults());

	const send = async (invoiceId: number) =>
		await run('send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com' });
	const posts = () => received(sandbox).filter((request) => request.method === 'POST');

	it('does not send again when the connection drops after Harvest sent it', async () => {
		const invoiceId = await draftInvoice(sandbox);
		sandbox.setFault({ kind: 'reset', method: 'POST', path: wire.path('/invoices/:id/messages'), phase: 'after', times: 1 });
		await expect(send(invoiceId)).rejects.toThrow('unknown whether the change was made');
		expect(posts()).toHaveLength(1);
		expect(sandbox.store.messagesOf(invoiceId)).toHaveLength(1);
	});

	it('waits out a throttle answered before processing and sends once more', async () => {
		const invoiceId = await draftInvoice(sandbox);
		sandbox.setFault({ kind: 'throttle', method: 'POST', path: wire.path('/invoices/:id/messages'), times: 1, retryAfterSeconds: 1 });
		const items = await send(invoiceId);
		expect(sandbox.requests().filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([wire.throttleStatus, 201]);
		expect(sandbox.store.messagesOf(invoiceId)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ invoice_id: invoiceId, invoice_state: 'open' });
	});
});
