import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, calls, received, v2Runner } from './v2Run';

describe('Harvest API v2: Invoice operations', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	let clientId: number;
	let projectIds: number[];
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 20, throttle: false });
		run = v2Runner(sandbox);
		clientId = [...sandbox.store.clients.keys()][0];
		projectIds = [...sandbox.store.projects.values()].filter((project) => project.clientId === clientId).map((project) => project.id);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const create = async (parameters: IDataObject) => await run('invoice', 'create', { clientId: String(clientId), ...parameters });
	const firstBody = () => sandbox.requests()[0].body as IDataObject;

	describe('Create', () => {
		it('counts a custom due date from the Issue Date given: payment_term custom + due_date', async () => {
			const [item] = await create({
				kind: 'project',
				projectIds: projectIds.map(String),
				importHours: 'period',
				periodStart: '2026-03-01T00:00:00',
				periodEnd: '2026-06-14T00:00:00',
				importExpenses: 'all',
				expenseSummaryType: 'category',
				additionalFields: { issuedAt: '2026-06-01T00:00:00', dueTerms: 'custom', dueInDays: 21 },
			});
			expect(firstBody()).toEqual({
				client_id: clientId,
				issue_date: '2026-06-01',
				payment_term: 'custom',
				due_date: '2026-06-22',
				line_items_import: {
					project_ids: projectIds,
					time: { summary_type: 'project', from: '2026-03-01', to: '2026-06-14' },
					expenses: { summary_type: 'category' },
				},
			});
			expect(item.json).toMatchObject({ client: { id: clientId }, state: 'draft', payment_term: 'custom', due_date: '2026-06-22' });
			expect((item.json.line_items as IDataObject[]).length).toBeGreaterThan(0);
		});

		it.each([
			['task', 'all', { summary_type: 'task' }],
			['people', 'all', { summary_type: 'people' }],
			['detailed', 'all', { summary_type: 'detailed' }],
		])('creates from tracked time by %s with all hours', async (kind, importHours, time) => {
			await create({ kind, projectIds: [String(projectIds[0])], importHours, importExpenses: 'none' });
			expect(firstBody().line_items_import).toEqual({ project_ids: [projectIds[0]], time });
		});

		it('imports no hours when Import Hours is none, only expenses', async () => {
			await create({ kind: 'project', projectIds: [String(projectIds[0])], importHours: 'none', importExpenses: 'all', expenseSummaryType: 'project' });
			expect(firstBody().line_items_import).toEqual({ project_ids: [projectIds[0]], expenses: { summary_type: 'project' } });
		});
	});

	describe('Get and Get Many', () => {
		it('gets one invoice by id', async () => {
			const id = [...sandbox.store.invoices.keys()][1];
			const [item] = await run('invoice', 'get', { invoiceId: byId(id) });
			expect(calls(sandbox)[0]).toBe(`GET /v2/invoices/${id}`);
			expect(item.json).toMatchObject({ id, number: sandbox.store.invoices.get(id)!.number });
		});

		it('outputs simplified invoices on node version 2', async () => {
			const id = [...sandbox.store.invoices.keys()][2];
			const [item] = await run('invoice', 'get', { invoiceId: byId(id) }, { typeVersion: 2 });
			expect(item.json).toMatchObject({ id, number: sandbox.store.invoices.get(id)!.number });
			expect(item.json).not.toHaveProperty('line_items');
			expect(item.json).toHaveProperty('client_dashboard_url');
			const many = await run('invoice', 'getAll', { returnAll: true }, { typeVersion: 2 });
			expect(many.length).toBe(sandbox.store.invoices.size);
			for (const one of many) expect(one.json).not.toHaveProperty('line_items');
		});
	});

	describe('Update and Delete', () => {
		let invoiceId: number;
		beforeEach(() => {
			invoiceId = [...sandbox.store.invoices.values()].find((invoice) => invoice.state === 'draft' && invoice.lineItems.length > 1)!.id;
		});
		const update = async (parameters: IDataObject) => await run('invoice', 'update', { invoiceId: byId(invoiceId), ...parameters });

		it('changes only the fields given with one PATCH and leaves line items alone', async () => {
			const linesBefore = structuredClone(sandbox.store.invoices.get(invoiceId)!.lineItems);
			const [item] = await update({ updateFields: { subject: 'Updated v2', dueTerms: 'net45', issuedAt: '2026-06-10T00:00:00' } });
			expect(received(sandbox)).toEqual([
				{ method: 'PATCH', path: `/v2/invoices/${invoiceId}`, query: {}, body: { subject: 'Updated v2', issue_date: '2026-06-10', payment_term: 'net 45' } },
			]);
			expect(sandbox.store.invoices.get(invoiceId)!.lineItems).toEqual(linesBefore);
			expect(item.json).toMatchObject({ id: invoiceId, subject: 'Updated v2', issue_date: '2026-06-10', due_date: '2026-07-25', payment_term: 'net 45' });
		});

		it('replaces every line: _destroy for each current line, then the new one', async () => {
			const currentIds = sandbox.store.invoices.get(invoiceId)!.lineItems.map((line) => line.id);
			const [item] = await update({
				replaceLineItems: true,
				lineItemsInput: 'editor',
				lineItems: { lineItem: [{ kind: 'Product', description: 'Only line', quantity: 2, unitPrice: 49.5, taxed: false, taxed2: false, projectId: '' }] },
				updateFields: {},
			});
			const patch = sandbox.requests().find((request) => request.method === 'PATCH')!;
			expect(patch.body).toEqual({
				line_items: [
					...currentIds.map((id) => ({ id, _destroy: true })),
					{ kind: 'Product', description: 'Only line', quantity: 2, unit_price: 49.5, taxed: false, taxed2: false },
				],
			});
			expect(item.json.line_items).toEqual([expect.objectContaining({ description: 'Only line', amount: 99 })]);
			expect(sandbox.store.invoices.get(invoiceId)!.lineItems.map((line) => line.description)).toEqual(['Only line']);
		});

		it('appends: sends only the new lines and keeps the current ones', async () => {
			const before = sandbox.store.invoices.get(invoiceId)!.lineItems.map((line) => line.description);
			await update({
				replaceLineItems: true,
				lineItemsMode: 'append',
				lineItemsInput: 'editor',
				lineItems: { lineItem: [{ kind: 'Product', description: 'Added', quantity: 1, unitPrice: 10, taxed: false, taxed2: false, projectId: '' }] },
				updateFields: {},
			});
			expect(received(sandbox)).toEqual([
				{
					method: 'PATCH',
					path: `/v2/invoices/${invoiceId}`,
					query: {},
					body: { line_items: [{ kind: 'Product', description: 'Added', quantity: 1, unit_price: 10, taxed: false, taxed2: false }] },
				},
			]);
			expect(sandbox.store.invoices.get(invoiceId)!.lineItems.map((line) => line.description)).toEqual([...before, 'Added']);
		});

		it('deletes an invoice', async () => {
			const [item] = await run('invoice', 'delete', { invoiceId: byId(invoiceId) });
			expect(calls(sandbox)).toEqual([`DELETE /v2/invoices/${invoiceId}`]);
			expect(item.json).toBeDefined();
			expect(sandbox.store.invoices.has(invoiceId)).toBe(false);
		});
	});
});
