import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, draftInvoice, openInvoice, operationRunner, received } from '../operationKit';
import { messageBody } from './messageWire';

/** What the Attach PDF, Send Me a Copy and Include Payment Link toggles send when left alone. */
const DEFAULT_TOGGLES = { attach_pdf: true, send_me_a_copy: false, include_pay_pal_link: true };

describe.each(EACH_WIRE)('Message > Send (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', wire);
	});
	afterAll(async () => await sandbox.stop());

	it("sends the invoice and outputs the message with the invoice's new state", async () => {
		const invoiceId = await draftInvoice(sandbox);
		const items = await run('send', {
			invoiceId: byId(invoiceId),
			recipients: 'ann@example.com; bob@example.com, ANN@example.com',
			additionalFields: {
				subject: 'Your invoice',
				body: 'Thank you for your business.',
				attachPdf: true,
				sendMeACopy: false,
				includePaymentLink: true,
			},
		});
		const [message] = sandbox.store.messagesOf(invoiceId);
		expect(items).toEqual([
			{
				json: expect.objectContaining({
					id: message.id,
					invoice_id: invoiceId,
					subject: 'Your invoice',
					body: 'Thank you for your business.',
					send_me_a_copy: false,
					invoice_state: 'open',
					// Each API's own record: v1 lists the recipients in one string, v2 as records.
					...{
						v1: { full_recipient_list: 'ann@example.com, bob@example.com', include_pay_pal_link: true },
						v2: { recipients: [{ email: 'ann@example.com', name: '' }, { email: 'bob@example.com', name: '' }] },
					}[wire.api],
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(received(sandbox)).toEqual([
			{
				method: 'POST',
				path: wire.path(`/invoices/${invoiceId}/messages`),
				body: messageBody(wire, {
					recipients: 'ann@example.com, bob@example.com',
					subject: 'Your invoice',
					body: 'Thank you for your business.',
					attach_pdf: true,
					send_me_a_copy: false,
					include_pay_pal_link: true,
				}),
			},
			...wire.readBack(`/invoices/${invoiceId}/messages/${message.id}`),
			{ method: 'GET', path: wire.path(`/invoices/${invoiceId}`), body: null },
		]);
	});

	it('takes a list of recipients from an expression', async () => {
		const invoiceId = await openInvoice(sandbox);
		await run(
			'send',
			{ invoiceId: byId(invoiceId), recipients: '={{ $json.emails }}' },
			{ items: [{ json: { emails: ['ann@example.com', 'bob@example.com'] } }] },
		);
		expect(received(sandbox)[0].body).toEqual(messageBody(wire, { recipients: 'ann@example.com, bob@example.com', ...DEFAULT_TOGGLES }));
	});

	it("sends to the client's contacts in Harvest when Send To is Client's Contacts", async () => {
		const invoiceId = await draftInvoice(sandbox);
		const clientId = sandbox.store.invoices.get(invoiceId)!.clientId;
		const emails = sandbox.store.contactsOf(clientId).map((contact) => contact.email);
		expect(emails.length).toBeGreaterThan(0);
		const items = await run('send', {
			invoiceId: byId(invoiceId),
			sendTo: 'clientContacts',
			recipients: 'ignored@example.com',
			additionalFields: { subject: 'Your invoice' },
		});
		expect(items[0].json).toEqual(expect.objectContaining({ invoice_id: invoiceId, invoice_state: 'open' }));
		const requests = received(sandbox);
		expect(requests.slice(0, 3)).toEqual([
			{ method: 'GET', path: wire.path(`/invoices/${invoiceId}`), body: null },
			// v2 lists contacts at /v2/contacts?client_id=... (the query is not shown here).
			{ method: 'GET', path: { v1: `/clients/${clientId}/contacts`, v2: '/v2/contacts' }[wire.api], body: null },
			{
				method: 'POST',
				path: wire.path(`/invoices/${invoiceId}/messages`),
				body: messageBody(wire, { recipients: emails.join(', '), subject: 'Your invoice', ...DEFAULT_TOGGLES }),
			},
		]);
	});

	it('sends to the addresses entered when Send To is Email Addresses', async () => {
		const invoiceId = await openInvoice(sandbox);
		await run('send', { invoiceId: byId(invoiceId), sendTo: 'emails', recipients: 'ann@example.com' });
		expect(received(sandbox)[0]).toEqual({
			method: 'POST',
			path: wire.path(`/invoices/${invoiceId}/messages`),
			body: messageBody(wire, { recipients: 'ann@example.com', ...DEFAULT_TOGGLES }),
		});
	});

	it('refuses a client without a contact with an email address, sending nothing', async () => {
		const invoiceId = await draftInvoice(sandbox);
		const client = sandbox.store.clients.get(sandbox.store.invoices.get(invoiceId)!.clientId)!;
		const contacts = sandbox.store.contactsOf(client.id);
		const emails = contacts.map((contact) => contact.email);
		for (const contact of contacts) contact.email = '';
		try {
			await expect(run('send', { invoiceId: byId(invoiceId), sendTo: 'clientContacts' })).rejects.toThrow(
				`Client "${client.name}" has no contact with an email address, so invoice ${invoiceId} was not sent: add a contact with an email address to the client in Harvest, or set Send To to Email Addresses`,
			);
		} finally {
			contacts.forEach((contact, index) => (contact.email = emails[index]));
		}
		expect(received(sandbox).map((request) => request.method)).not.toContain('POST');
		expect(sandbox.store.messagesOf(invoiceId)).toHaveLength(0);
	});

	it("shows Harvest's refusal to send a closed invoice", async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.store.invoices.get(invoiceId)!.state = 'closed';
		const messagesBefore = sandbox.store.messagesOf(invoiceId).length;
		await expect(run('send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com' })).rejects.toThrow(
			'Harvest could not accept the data (HTTP 422)',
		);
		expect(received(sandbox).map((request) => request.method)).toEqual(['POST']);
		expect(sandbox.store.messagesOf(invoiceId)).toHaveLength(messagesBefore);
	});

	it.each([
		['no recipients', '', 'Recipients needs at least one email address'],
		['a recipient that is not an email address', 'ann@example.com, bob at example', '(not an email address: "bob at example")'],
		['a pasted name and address', '"Ann" <ann@example.com>', 'Recipients must be email addresses separated by commas'],
	])('refuses %s before any request', async (_case, recipients, message) => {
		const invoiceId = await draftInvoice(sandbox);
		await expect(run('send', { invoiceId: byId(invoiceId), recipients })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
