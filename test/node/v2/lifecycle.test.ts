import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, calls, v2Runner } from './v2Run';

describe('Harvest API v2: an invoice from creation to payment', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	let clientId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 5, throttle: false });
		run = v2Runner(sandbox);
		clientId = [...sandbox.store.clients.keys()][0];
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('creates, updates, sends, pays and deletes an invoice on v2', async () => {
		const [created] = await run('invoice', 'create', {
			clientId: String(clientId),
			kind: 'free_form',
			lineItemsInput: 'editor',
			lineItems: { lineItem: [{ kind: 'Service', description: 'Design', quantity: 10, unitPrice: 100, taxed: false, taxed2: false, projectId: '' }] },
			additionalFields: { issuedAt: '2026-06-01T00:00:00', dueTerms: 'net30', subject: 'June' },
		});
		const invoiceId = created.json.id as number;
		expect(created.json).toMatchObject({ state: 'draft', amount: 1000, issue_date: '2026-06-01', payment_term: 'net 30', client: { id: clientId } });
		expect(created.json.client_dashboard_url).toMatch(/^https:\/\/demo\.harvestapp\.com\/client\/invoices\//);
		expect(calls(sandbox)).toEqual(['POST /v2/invoices', 'GET /v2/company']);

		sandbox.clearRequests();
		const [updated] = await run('invoice', 'update', {
			invoiceId: byId(invoiceId),
			replaceLineItems: true,
			lineItemsMode: 'append',
			lineItemsInput: 'editor',
			lineItems: { lineItem: [{ kind: 'Product', description: 'Print', quantity: 1, unitPrice: 50, taxed: false, taxed2: false, projectId: '' }] },
			updateFields: {},
		});
		expect((updated.json.line_items as unknown[]).length).toBe(2);
		expect(updated.json.amount).toBe(1050);
		expect(calls(sandbox)).toEqual([`PATCH /v2/invoices/${invoiceId}`]);

		const [sent] = await run('message', 'send', { invoiceId: byId(invoiceId), sendTo: 'emails', recipients: 'ann@example.com' });
		expect(sent.json).toMatchObject({ recipients: [{ email: 'ann@example.com' }], invoice_state: 'open' });

		const [payment] = await run('payment', 'create', { invoiceId: byId(invoiceId), amount: 50, paidAt: '2026-06-10' });
		expect(payment.json).toMatchObject({ amount: 50, paid_date: '2026-06-10', invoice_state: 'open', invoice_due_amount: 1000 });

		const [gotPayment] = await run('payment', 'get', { invoiceId: byId(invoiceId), paymentId: String(payment.json.id) });
		expect(gotPayment.json).toMatchObject({ id: payment.json.id, amount: 50 });
		const messages = await run('message', 'getAll', { invoiceId: byId(invoiceId) });
		expect(messages.length).toBeGreaterThanOrEqual(1);

		sandbox.clearRequests();
		const [closed] = await run('message', 'markAsClosed', { invoiceId: byId(invoiceId) });
		expect(closed.json).toMatchObject({ id: invoiceId, state: 'closed' });
		expect(sandbox.requests()[0]).toMatchObject({ method: 'POST', path: `/v2/invoices/${invoiceId}/messages`, body: { event_type: 'close' } });

		const many = await run('invoice', 'getAll', { returnAll: true, filters: { status: 'closed' } });
		expect(many.map((item) => item.json.id)).toContain(invoiceId);

		await run('invoice', 'delete', { invoiceId: byId(invoiceId) });
		expect(sandbox.store.invoices.has(invoiceId)).toBe(false);
	});

	it('creates, renames and deletes an item category on v2', async () => {
		const [category] = await run('category', 'create', { name: 'Travel v2' });
		expect(category.json).toMatchObject({ name: 'Travel v2', use_as_service: false });
		const [renamed] = await run('category', 'update', { categoryId: String(category.json.id), name: 'Trips' });
		expect(renamed.json).toMatchObject({ id: category.json.id, name: 'Trips' });
		const all = await run('category', 'getAll', { returnAll: true });
		expect(all.map((item) => item.json.name)).toContain('Trips');
		await run('category', 'delete', { categoryId: String(category.json.id) });
	});
});

describe('Harvest API v2: Simplify', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('gives the same simplified keys as on the classic API, filled from v2 records', async () => {
		const run = v2Runner(sandbox);
		const [item] = await run('invoice', 'getAll', { returnAll: false, limit: 1, simple: true }, { typeVersion: 2 });
		const invoice = [...sandbox.store.invoices.values()].find((candidate) => candidate.id === item.json.id);
		expect(Object.keys(item.json).sort()).toEqual(
			['amount', 'client_dashboard_url', 'client_id', 'client_name', 'currency_code', 'due_amount', 'due_at', 'id', 'issued_at', 'number', 'state', 'updated_at'],
		);
		expect(item.json).toMatchObject({ client_id: invoice?.clientId, issued_at: invoice?.issuedAt });
		expect(item.json.client_name).toEqual(expect.any(String));
		expect(item.json.due_at).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
	});
});
