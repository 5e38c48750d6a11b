/**
 * An invoice's whole life through the installed package in a real n8n, one workflow run by
 * `n8n execute`: create a free-form invoice, email it, send a reminder to the client's contacts,
 * record two payments (the second for what the first left due, read by an expression), then read
 * the invoice back. On the classic API once with a JSON credential and once with an XML one (both
 * codecs go through n8n's real request path), and once with a Harvest API v2 credential: the same
 * workflow, v2's endpoints, bodies and records.
 */

import { startSandbox, type LoggedRequest, type Sandbox } from '../sandbox';
import { nodeOutputItems } from './executionOutput';
import {
	HARVEST_NODE_TYPE,
	manualChainWorkflow,
	sandboxCredential,
	sandboxV2Credential,
	usesCredential,
	type WorkflowNodeSpec,
} from './fixtures';
import { N8nInstance, type CredentialImport, type WorkflowImport } from './n8nInstance';

type DataFormat = 'json' | 'xml';
/** One workflow per credential: the classic API in each data format, and v2 (JSON only). */
type Variant = DataFormat | 'v2';

const CREATE = 'Create Invoice';
const SEND = 'Send Invoice';
const REMIND = 'Remind Client Contacts';
const FIRST_PAYMENT = 'Record Partial Payment';
const SECOND_PAYMENT = 'Record Remaining Payment';
const GET = 'Get Invoice';

/** A comma and double quotes: the line items travel as CSV, so this is what quoting must survive. */
const QUOTED_DESCRIPTION = 'Design, phase 1: the "hero" page';
const PLAIN_DESCRIPTION = 'Hosting 12 months';
/** 2 x 150.00 + 1 x 99.50, untaxed: 399.50. The first payment leaves 249.50 due. */
const INVOICE_AMOUNT = 399.5;
const FIRST_AMOUNT = 150;

/** Every later node works on the invoice the first one created, picked the way the editor writes it. */
const CREATED_INVOICE_ID = { __rl: true, mode: 'id', value: `={{ $('${CREATE}').item.json.id }}` };

function lifecycleNodes(credential: CredentialImport, recipient: string, clientId: number): WorkflowNodeSpec[] {
	const node = (name: string, parameters: Record<string, unknown>): WorkflowNodeSpec => ({
		name,
		type: HARVEST_NODE_TYPE,
		typeVersion: 1,
		parameters,
		credentials: usesCredential(credential),
	});
	return [
		node(CREATE, {
			resource: 'invoice',
			operation: 'create',
			clientId: String(clientId),
			kind: 'free_form',
			lineItemsInput: 'editor',
			lineItems: {
				lineItem: [
					{ kind: 'Service', description: QUOTED_DESCRIPTION, quantity: 2, unitPrice: 150, taxed: false, taxed2: false },
					{ kind: 'Product', description: PLAIN_DESCRIPTION, quantity: 1, unitPrice: 99.5, taxed: false, taxed2: false },
				],
			},
			additionalFields: { subject: 'Website work', dueTerms: 'net15' },
		}),
		node(SEND, {
			resource: 'message',
			operation: 'send',
			invoiceId: CREATED_INVOICE_ID,
			recipients: recipient,
			additionalFields: { subject: 'Your invoice', body: 'Thank you for your business.', attachPdf: true, sendMeACopy: false },
		}),
		// The weekly-reminder case: no address typed, the client's contacts in Harvest receive it.
		node(REMIND, {
			resource: 'message',
			operation: 'send',
			invoiceId: CREATED_INVOICE_ID,
			sendTo: 'clientContacts',
			additionalFields: { subject: 'Reminder: your invoice' },
		}),
		node(FIRST_PAYMENT, {
			resource: 'payment',
			operation: 'create',
			invoiceId: CREATED_INVOICE_ID,
			amount: FIRST_AMOUNT,
			paidAt: '2026-06-16T09:30:00',
			additionalFields: { notes: 'Bank transfer, first part' },
		}),
		node(SECOND_PAYMENT, {
			resource: 'payment',
			operation: 'create',
			invoiceId: CREATED_INVOICE_ID,
			// What the previous payment's output says is still due: the pipeline settles in full.
			amount: '={{ $json.invoice_due_amount }}',
			paidAt: '2026-06-20',
			additionalFields: { notes: 'Bank transfer, rest' },
		}),
		node(GET, { resource: 'invoice', operation: 'get', invoiceId: CREATED_INVOICE_ID }),
	];
}

function onlyItem(items: Array<Record<string, unknown>>, nodeName: string): Record<string, unknown> {
	if (items.length !== 1) throw new Error(`"${nodeName}" output ${items.length} items, expected 1`);
	return items[0];
}

describe('invoice lifecycle in a real n8n: create, send, remind the client contacts, pay in two parts, get', () => {
	let n8n: N8nInstance | undefined;
	let sandbox: Sandbox | undefined;
	const workflows = {} as Record<Variant, WorkflowImport>;
	let recipient: string;
	let clientId: number;

	beforeAll(async () => {
		n8n = await N8nInstance.withPackage();

		// In this process: n8n runs as child processes spawned asynchronously, so nothing blocks it.
		sandbox = await startSandbox();
		const client = [...sandbox.store.clients.values()].find((candidate) => candidate.active);
		if (!client) throw new Error('the sandbox seeded no active client');
		const contact = [...sandbox.store.contacts.values()].find((candidate) => candidate.clientId === client.id);
		recipient = contact?.email ?? 'billing@client.example';
		clientId = client.id;

		const credentials: Record<Variant, CredentialImport> = {
			json: sandboxCredential(sandbox, 'json', 'Harvest sandbox (json)'),
			xml: sandboxCredential(sandbox, 'xml', 'Harvest sandbox (xml)'),
			v2: sandboxV2Credential(sandbox, 'Harvest sandbox (v2)'),
		};
		for (const variant of Object.keys(credentials) as Variant[]) {
			workflows[variant] = manualChainWorkflow({
				name: `Harvest e2e: invoice lifecycle (${variant})`,
				nodes: lifecycleNodes(credentials[variant], recipient, client.id),
			});
		}
		// One import each: every n8n CLI call costs a few seconds of start-up.
		await n8n.importCredentials(Object.values(credentials));
		await n8n.importWorkflows(Object.values(workflows));
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sandbox?.stop();
	});

	test.each(['json', 'xml'] as const)('on the classic API with the %s data format', async (dataFormat) => {
		sandbox!.clearRequests();
		const execution = await n8n!.execute(workflows[dataFormat].id);
		expect(execution.error).toBeUndefined();
		expect(execution.exitCode).toBe(0);
		const run = execution.run!.data;

		const created = onlyItem(nodeOutputItems(run, CREATE), CREATE);
		const invoiceId = created.id;
		expect(typeof invoiceId).toBe('number');
		expect(created).toMatchObject({ state: 'draft', amount: INVOICE_AMOUNT, due_amount: INVOICE_AMOUNT, subject: 'Website work' });

		expect(onlyItem(nodeOutputItems(run, SEND), SEND)).toMatchObject({ invoice_id: invoiceId, invoice_state: 'open' });
		expect(onlyItem(nodeOutputItems(run, REMIND), REMIND)).toMatchObject({ invoice_id: invoiceId, invoice_state: 'open' });
		expect(onlyItem(nodeOutputItems(run, FIRST_PAYMENT), FIRST_PAYMENT)).toMatchObject({
			invoice_id: invoiceId,
			amount: FIRST_AMOUNT,
			invoice_state: 'partial',
			invoice_due_amount: INVOICE_AMOUNT - FIRST_AMOUNT,
		});
		expect(onlyItem(nodeOutputItems(run, SECOND_PAYMENT), SECOND_PAYMENT)).toMatchObject({
			invoice_id: invoiceId,
			amount: INVOICE_AMOUNT - FIRST_AMOUNT,
			invoice_state: 'paid',
			invoice_due_amount: 0,
		});

		const invoice = onlyItem(nodeOutputItems(run, GET), GET);
		expect(invoice).toMatchObject({ id: invoiceId, state: 'paid', due_amount: 0, amount: INVOICE_AMOUNT });
		expect(invoice.line_items).toEqual([
			expect.objectContaining({ kind: 'Service', description: QUOTED_DESCRIPTION, quantity: 2, unit_price: 150, amount: 300 }),
			expect.objectContaining({ kind: 'Product', description: PLAIN_DESCRIPTION, quantity: 1, unit_price: 99.5, amount: 99.5 }),
		]);

		// Exactly these writes, in this order: nothing retried, nothing sent twice.
		const writes = sandbox!.requests().filter((request) => request.method !== 'GET');
		expect(writes.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
			{ method: 'POST', path: '/invoices', status: 201 },
			{ method: 'POST', path: `/invoices/${invoiceId}/messages`, status: 201 },
			{ method: 'POST', path: `/invoices/${invoiceId}/messages`, status: 201 },
			{ method: 'POST', path: `/invoices/${invoiceId}/payments`, status: 201 },
			{ method: 'POST', path: `/invoices/${invoiceId}/payments`, status: 201 },
		]);
		// What went on the wire: the line items as CSV with the description quoted (its quotes
		// doubled), the due terms as Harvest's words, the message's options as set.
		const [createInvoice, sendMessage, reminder] = writes.map((request) => request.body as Record<string, Record<string, unknown>>);
		expect(createInvoice.invoice).toMatchObject({ kind: 'free_form', due_at_human_format: 'NET 15' });
		expect(String(createInvoice.invoice.csv_line_items)).toContain('"Design, phase 1: the ""hero"" page"');
		expect(sendMessage.message).toMatchObject({ recipients: recipient, subject: 'Your invoice', attach_pdf: true, send_me_a_copy: false });
		const contacts = sandbox!.store.contactsOf(created.client_id as number).map((contact) => contact.email);
		expect(contacts.length).toBeGreaterThan(0);
		expect(reminder.message).toMatchObject({ recipients: contacts.join(', '), subject: 'Reminder: your invoice' });

		const mime = dataFormat === 'xml' ? 'application/xml' : 'application/json';
		for (const request of sandbox!.requests()) {
			expect(request.headers.accept).toContain(mime);
			if (request.method !== 'GET') expect(request.headers['content-type']).toContain(mime);
		}
		// Paid At goes out as written (wall-clock, no time zone conversion), whatever n8n's zone.
		expect(paymentsSent(writes)).toEqual([
			{ amount: FIRST_AMOUNT, paidAt: expect.stringMatching(/^2026-06-16[T ]09:30/) },
			{ amount: INVOICE_AMOUNT - FIRST_AMOUNT, paidAt: expect.stringMatching(/^2026-06-20/) },
		]);

		// And the sandbox agrees: the invoice is settled by the two payments.
		const stored = sandbox!.store.invoices.get(invoiceId as number);
		expect(stored).toMatchObject({ state: 'paid', dueAmount: 0 });
		expect(sandbox!.store.paymentsOf(invoiceId as number)).toHaveLength(2);
	});

	test('on Harvest API v2', async () => {
		sandbox!.clearRequests();
		const execution = await n8n!.execute(workflows.v2.id);
		expect(execution.error).toBeUndefined();
		expect(execution.exitCode).toBe(0);
		const run = execution.run!.data;

		// v2's own records: issue_date, payment_term, client{id,name}, and the client's page from /v2/company.
		const created = onlyItem(nodeOutputItems(run, CREATE), CREATE);
		const invoiceId = created.id;
		expect(typeof invoiceId).toBe('number');
		expect(created).toMatchObject({
			state: 'draft',
			amount: INVOICE_AMOUNT,
			due_amount: INVOICE_AMOUNT,
			subject: 'Website work',
			payment_term: 'net 15',
			issue_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
			client: { id: clientId },
		});
		expect(created.client_dashboard_url).toEqual(expect.stringContaining('/client/invoices/'));

		expect(onlyItem(nodeOutputItems(run, SEND), SEND)).toMatchObject({
			invoice_id: invoiceId,
			invoice_state: 'open',
			recipients: [expect.objectContaining({ email: recipient })],
		});
		const contacts = sandbox!.store.contactsOf(clientId).map((contact) => contact.email);
		expect(contacts.length).toBeGreaterThan(0);
		const reminded = onlyItem(nodeOutputItems(run, REMIND), REMIND);
		expect(reminded).toMatchObject({ invoice_id: invoiceId, invoice_state: 'open' });
		expect((reminded.recipients as Array<{ email: string }>).map(({ email }) => email)).toEqual(contacts);
		// v2 has no "partial" state: a sent invoice with something still due is open.
		expect(onlyItem(nodeOutputItems(run, FIRST_PAYMENT), FIRST_PAYMENT)).toMatchObject({
			invoice_id: invoiceId,
			amount: FIRST_AMOUNT,
			paid_date: '2026-06-16',
			invoice_state: 'open',
			invoice_due_amount: INVOICE_AMOUNT - FIRST_AMOUNT,
		});
		expect(onlyItem(nodeOutputItems(run, SECOND_PAYMENT), SECOND_PAYMENT)).toMatchObject({
			invoice_id: invoiceId,
			amount: INVOICE_AMOUNT - FIRST_AMOUNT,
			paid_date: '2026-06-20',
			invoice_state: 'paid',
			invoice_due_amount: 0,
		});

		const invoice = onlyItem(nodeOutputItems(run, GET), GET);
		expect(invoice).toMatchObject({ id: invoiceId, state: 'paid', due_amount: 0, amount: INVOICE_AMOUNT, paid_date: '2026-06-20' });
		expect(invoice.line_items).toEqual([
			expect.objectContaining({ kind: 'Service', description: QUOTED_DESCRIPTION, quantity: 2, unit_price: 150, amount: 300 }),
			expect.objectContaining({ kind: 'Product', description: PLAIN_DESCRIPTION, quantity: 1, unit_price: 99.5, amount: 99.5 }),
		]);

		// Exactly these writes, in this order, all on v2: state changes are messages, payments are payments.
		const requests = sandbox!.requests();
		expect(requests.every((request) => request.path.startsWith('/v2/'))).toBe(true);
		const writes = requests.filter((request) => request.method !== 'GET');
		expect(writes.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
			{ method: 'POST', path: '/v2/invoices', status: 201 },
			{ method: 'POST', path: `/v2/invoices/${invoiceId}/messages`, status: 201 },
			{ method: 'POST', path: `/v2/invoices/${invoiceId}/messages`, status: 201 },
			{ method: 'POST', path: `/v2/invoices/${invoiceId}/payments`, status: 201 },
			{ method: 'POST', path: `/v2/invoices/${invoiceId}/payments`, status: 201 },
		]);
		// A write is no listing: no page size on it.
		for (const write of writes) expect(write.query).toEqual({});
		// What went on the wire: v2's bodies, unwrapped: line items as a list (no CSV), the due terms
		// as v2's payment_term, recipients as a list, Paid At as written (a date alone is a paid_date).
		const [createInvoice, sendMessage, reminder, firstPayment, secondPayment] = writes.map(
			(request) => request.body as Record<string, unknown>,
		);
		expect(createInvoice).toMatchObject({
			client_id: clientId,
			payment_term: 'net 15',
			line_items: [
				expect.objectContaining({ kind: 'Service', description: QUOTED_DESCRIPTION, quantity: 2, unit_price: 150 }),
				expect.objectContaining({ kind: 'Product', description: PLAIN_DESCRIPTION, quantity: 1, unit_price: 99.5 }),
			],
		});
		expect(sendMessage).toMatchObject({ recipients: [{ email: recipient }], subject: 'Your invoice', attach_pdf: true, send_me_a_copy: false });
		expect(reminder).toMatchObject({ recipients: contacts.map((email) => ({ email })), subject: 'Reminder: your invoice' });
		expect(firstPayment).toMatchObject({ amount: FIRST_AMOUNT, paid_at: expect.stringMatching(/^2026-06-16T09:30/) });
		expect(secondPayment).toEqual(expect.objectContaining({ amount: INVOICE_AMOUNT - FIRST_AMOUNT, paid_date: '2026-06-20' }));

		// v2's account header on every request (the sandbox answered them all, so the token was right too;
		// its log keeps no Authorization header).
		for (const request of requests) {
			expect(request.headers['harvest-account-id']).toBe(String(sandbox!.login.accountId));
			expect(request.headers.accept).toContain('application/json');
		}

		// And the sandbox agrees: the invoice is settled by the two payments.
		const stored = sandbox!.store.invoices.get(invoiceId as number);
		expect(stored).toMatchObject({ state: 'paid', dueAmount: 0 });
		expect(sandbox!.store.paymentsOf(invoiceId as number)).toHaveLength(2);
	});
});

/** What the payment POSTs carried (the sandbox logs bodies parsed, in snake_case, for both formats). */
function paymentsSent(writes: LoggedRequest[]): Array<{ amount: number; paidAt: string }> {
	return writes
		.filter((request) => request.path.endsWith('/payments'))
		.map((request) => {
			const payment = (request.body as { payment?: { amount?: unknown; paid_at?: unknown } } | null)?.payment;
			return { amount: Number(payment?.amount), paidAt: String(payment?.paid_at) };
		});
}
