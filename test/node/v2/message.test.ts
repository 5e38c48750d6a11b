import { startSandbox, type Sandbox } from '../../sandbox';
import { draftInvoice, openInvoice } from '../operationKit';
import { byId, calls, received, v2Runner } from './v2Run';

describe('Harvest API v2: Message operations', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = v2Runner(sandbox);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const lastEvent = (invoiceId: number) => sandbox.store.messagesOf(invoiceId).at(-1)?.eventType ?? null;

	it('sends the invoice to the emails given, with v2 recipients and the toggles as set', async () => {
		const invoiceId = await draftInvoice(sandbox);
		const [item] = await run('message', 'send', {
			invoiceId: byId(invoiceId),
			recipients: 'ann@example.com; bob@example.com, ANN@example.com',
			attachPdf: false,
			sendMeACopy: true,
			includePaymentLink: false,
			additionalFields: { subject: 'Your invoice', body: 'Thank you.' },
		});
		const post = received(sandbox).find((request) => request.method === 'POST')!;
		expect(post).toEqual({
			method: 'POST',
			path: `/v2/invoices/${invoiceId}/messages`,
			query: {},
			body: {
				recipients: [{ email: 'ann@example.com' }, { email: 'bob@example.com' }],
				subject: 'Your invoice',
				body: 'Thank you.',
				attach_pdf: false,
				send_me_a_copy: true,
			},
		});
		const [message] = sandbox.store.messagesOf(invoiceId);
		expect(message).toMatchObject({ recipients: ['ann@example.com', 'bob@example.com'], attachPdf: false, sendMeACopy: true });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ id: message.id, subject: 'Your invoice', invoice_state: 'open' });
		expect(sandbox.store.invoices.get(invoiceId)!.state).toBe('open');
	});

	it("sends to the client's contacts read from /v2/contacts?client_id", async () => {
		const invoiceId = await draftInvoice(sandbox);
		const clientId = sandbox.store.invoices.get(invoiceId)!.clientId;
		const emails = sandbox.store.contactsOf(clientId).map((contact) => contact.email).filter((email) => email !== '');
		expect(emails.length).toBeGreaterThan(0);
		const [item] = await run('message', 'send', { invoiceId: byId(invoiceId), sendTo: 'clientContacts', recipients: 'ignored@example.com' });
		const requests = received(sandbox);
		expect(requests.find((request) => request.path === '/v2/contacts')).toMatchObject({ method: 'GET', query: { client_id: String(clientId) } });
		const post = requests.find((request) => request.method === 'POST')!;
		expect(post.body).toMatchObject({ recipients: emails.map((email) => expect.objectContaining({ email })) });
		expect(JSON.stringify(post.body)).not.toContain('ignored@example.com');
		expect(item.json).toMatchObject({ invoice_state: 'open' });
	});

	it('Mark as Sent posts event_type send and outputs the invoice read back', async () => {
		const invoiceId = await draftInvoice(sandbox);
		const [item] = await run('message', 'markAsSent', { invoiceId: byId(invoiceId), additionalFields: { body: 'Sent by post' } });
		expect(received(sandbox)[0]).toEqual({
			method: 'POST',
			path: `/v2/invoices/${invoiceId}/messages`,
			query: {},
			body: { event_type: 'send', body: 'Sent by post' },
		});
		expect(item.json).toMatchObject({ id: invoiceId, state: 'open' });
		expect(lastEvent(invoiceId)).toBe('send');
	});

	it('Mark as Draft posts event_type draft', async () => {
		const invoiceId = await openInvoice(sandbox);
		const [item] = await run('message', 'markAsDraft', { invoiceId: byId(invoiceId) });
		expect(received(sandbox)[0]).toMatchObject({ method: 'POST', path: `/v2/invoices/${invoiceId}/messages`, body: { event_type: 'draft' } });
		expect(item.json).toMatchObject({ id: invoiceId, state: 'draft' });
	});

	it('Mark as Closed and Re-Open post close and re-open; a partly paid invoice comes back open', async () => {
		const invoiceId = await openInvoice(sandbox, [250]);
		const [closed] = await run('message', 'markAsClosed', { invoiceId: byId(invoiceId) });
		expect(closed.json).toMatchObject({ id: invoiceId, state: 'closed' });
		sandbox.clearRequests();
		const [reopened] = await run('message', 'reOpen', { invoiceId: byId(invoiceId) });
		expect(received(sandbox)[0]).toMatchObject({ method: 'POST', path: `/v2/invoices/${invoiceId}/messages`, body: { event_type: 're-open' } });
		expect(reopened.json).toMatchObject({ id: invoiceId, state: 'open', due_amount: 750 });
		expect(sandbox.store.invoices.get(invoiceId)!.state).toBe('partial');
	});

	it("shows Harvest's refusal of a state change the invoice does not allow", async () => {
		const invoiceId = await openInvoice(sandbox);
		await expect(run('message', 'markAsSent', { invoiceId: byId(invoiceId) })).rejects.toThrow(/HTTP 422/);
		expect(sandbox.store.invoices.get(invoiceId)!.state).toBe('open');
	});

	it('gets one message by picking it from the list, and says 404 clearly for an unknown id', async () => {
		const invoiceId = await draftInvoice(sandbox);
		await run('message', 'send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com' });
		const [message] = sandbox.store.messagesOf(invoiceId);
		sandbox.clearRequests();
		const [item] = await run('message', 'get', { invoiceId: byId(invoiceId), messageId: String(message.id) });
		expect(calls(sandbox)[0]).toBe(`GET /v2/invoices/${invoiceId}/messages`);
		expect(item.json).toMatchObject({ id: message.id, recipients: [expect.objectContaining({ email: 'ann@example.com' })] });
		await expect(run('message', 'get', { invoiceId: byId(invoiceId), messageId: '999999' })).rejects.toThrow(/404/);
	});

	it('gets every message of an invoice, or the first Limit', async () => {
		const invoiceId = await draftInvoice(sandbox);
		await run('message', 'send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com' });
		await run('message', 'markAsClosed', { invoiceId: byId(invoiceId) });
		sandbox.clearRequests();
		const all = await run('message', 'getAll', { invoiceId: byId(invoiceId), returnAll: true });
		expect(calls(sandbox)[0]).toBe(`GET /v2/invoices/${invoiceId}/messages`);
		expect(all.map((item) => item.json.id).sort()).toEqual(sandbox.store.messagesOf(invoiceId).map((message) => message.id).sort());
		const one = await run('message', 'getAll', { invoiceId: byId(invoiceId), returnAll: false, limit: 1 });
		expect(one).toHaveLength(1);
	});

	it('deletes a message', async () => {
		const invoiceId = await draftInvoice(sandbox);
		await run('message', 'send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com' });
		const [message] = sandbox.store.messagesOf(invoiceId);
		sandbox.clearRequests();
		await run('message', 'delete', { invoiceId: byId(invoiceId), messageId: String(message.id) });
		expect(calls(sandbox)).toContain(`DELETE /v2/invoices/${invoiceId}/messages/${message.id}`);
		expect(sandbox.store.messagesOf(invoiceId)).toHaveLength(0);
	});

	it('refuses bad ids before any request', async () => {
		await expect(run('message', 'reOpen', { invoiceId: byId('abc') })).rejects.toThrow('Invoice must be a Harvest ID');
		await expect(run('message', 'delete', { invoiceId: byId('1'), messageId: '1.5' })).rejects.toThrow('Message ID must be');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
