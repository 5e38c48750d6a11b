import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, byId, received, runInvoice } from './invoiceRun';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

describe.each(EACH_WIRE)('Invoice > Create (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let clientId: number;
	let projectIds: number[];
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 10, throttle: false });
		clientId = [...sandbox.store.clients.keys()][0];
		projectIds = [...sandbox.store.projects.values()].filter((project) => project.clientId === clientId).map((project) => project.id);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const create = async (parameters: IDataObject) =>
		await runInvoice(sandbox, wire, 'create', { clientId: String(clientId), ...parameters });

	it('creates a free-form invoice from the line-item editor and outputs it read back', async () => {
		const items = await create({
			kind: 'free_form',
			lineItemsInput: 'editor',
			lineItems: {
				lineItem: [
					{ kind: 'Service', description: 'Design, "phase" 1\nsecond line', quantity: 10, unitPrice: 95.5, taxed: true, taxed2: false, projectId: String(projectIds[0]) },
					{ kind: 'Product', description: 'Café ☕ — 日本語', quantity: 3, unitPrice: 0.1, taxed: false, taxed2: true, projectId: '' },
				],
			},
			additionalFields: {
				issuedAt: '2026-06-01T00:00:00',
				dueTerms: 'net15',
				subject: 'June, part 1',
				notes: 'Thanks!',
				purchaseOrder: 'PO-7',
				currency: 'Euro - EUR',
				tax: 10,
				tax2: 2.5,
				discount: 5,
				number: `NEW-${wire.key}`,
			},
		});
		// v1 names the currency and writes the lines as CSV; v2 takes an ISO code, a payment term and line records.
		const sent = {
			v1: {
				invoice: {
					client_id: clientId,
					kind: 'free_form',
					issued_at: '2026-06-01',
					subject: 'June, part 1',
					notes: 'Thanks!',
					purchase_order: 'PO-7',
					currency: 'Euro - EUR',
					tax: 10,
					tax2: 2.5,
					discount: 5,
					number: `NEW-${wire.key}`,
					due_at_human_format: 'NET 15',
					csv_line_items: `${HEADER}\nService,"Design, ""phase"" 1\nsecond line",10.0,95.5,955.0,true,false,${projectIds[0]}\nProduct,Café ☕ — 日本語,3.0,0.1,0.3,false,true,\n`,
				},
			},
			v2: {
				client_id: clientId,
				issue_date: '2026-06-01',
				subject: 'June, part 1',
				notes: 'Thanks!',
				purchase_order: 'PO-7',
				currency: 'EUR',
				tax: 10,
				tax2: 2.5,
				discount: 5,
				number: `NEW-${wire.key}`,
				payment_term: 'net 15',
				line_items: [
					{ kind: 'Service', description: 'Design, "phase" 1\nsecond line', quantity: 10, unit_price: 95.5, taxed: true, taxed2: false, project_id: projectIds[0] },
					{ kind: 'Product', description: 'Café ☕ — 日本語', quantity: 3, unit_price: 0.1, taxed: false, taxed2: true },
				],
			},
		}[wire.api];
		const id = [...sandbox.store.invoices.values()].find((invoice) => invoice.number === `NEW-${wire.key}`)!.id;
		expect(received(sandbox.requests())).toEqual([
			{ method: 'POST', path: wire.path('/invoices'), query: {}, body: sent },
			...wire.readBack(wire.path(`/invoices/${id}`)).map((read) => ({ ...read, query: {} })),
		]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject(
			wire.invoice({
				id,
				client_id: clientId,
				state: 'draft',
				issued_at: '2026-06-01',
				due_at: '2026-06-16',
				due_at_human_format: 'NET 15',
				currency: 'Euro - EUR',
				tax: 10,
				tax2: 2.5,
				discount: 5,
				line_items: [
					{ kind: 'Service', description: 'Design, "phase" 1\nsecond line', quantity: 10, unit_price: 95.5, amount: 955, taxed: true, taxed2: false, project_id: projectIds[0] },
					{ kind: 'Product', description: 'Café ☕ — 日本語', quantity: 3, unit_price: 0.1, amount: 0.3, taxed: false, taxed2: true, project_id: null },
				],
			}),
		);
		expect(items[0].json.client_dashboard_url).toMatch(/^https:\/\/demo\.harvestapp\.com\/client\/invoices\/\w+$/);
		// The output is exactly what Get answers for the new invoice.
		expect((await runInvoice(sandbox, wire, 'get', { invoiceId: byId(id) }))[0].json).toEqual(items[0].json);
	});

	it('sends raw CSV as given once it is checked', async () => {
		const csv = `${HEADER}\nService,"Hosting, 12 months",1.00,120.00,120.0,false,false,\n`;
		const items = await create({ kind: 'free_form', lineItemsInput: 'csv', csvLineItems: csv });
		// v2 has no CSV: the checked lines go as line records.
		const sent = {
			v1: { invoice: { client_id: clientId, kind: 'free_form', csv_line_items: csv } },
			v2: {
				client_id: clientId,
				line_items: [{ kind: 'Service', description: 'Hosting, 12 months', quantity: 1, unit_price: 120, taxed: false, taxed2: false }],
			},
		}[wire.api];
		expect(received(sandbox.requests())[0].body).toEqual(sent);
		expect(items[0].json.line_items).toEqual([
			wire.lineItem({ kind: 'Service', description: 'Hosting, 12 months', quantity: 1, unit_price: 120, amount: 120, taxed: false, taxed2: false, project_id: null }),
		]);
	});

	it('creates an invoice from tracked hours and expenses', async () => {
		const items = await create({
			kind: 'project',
			projectIds: projectIds.map(String),
			importHours: 'period',
			periodStart: '2026-03-01T00:00:00',
			periodEnd: '2026-06-14T00:00:00',
			importExpenses: 'all',
			expenseSummaryType: 'category',
			additionalFields: { dueTerms: 'custom', dueInDays: 21 },
		});
		const { json } = items[0];
		// Issued on Harvest's today when no Issue Date is given; due 21 days after it.
		const issued = String(json[wire.issueDateField]);
		const due = new Date(Date.parse(`${issued}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
		// v2 imports with line_items_import, and has no NET 21: a custom term with its due date, counted from the issue date sent.
		const sent = {
			v1: {
				invoice: {
					client_id: clientId,
					kind: 'project',
					projects_to_invoice: projectIds.join(','),
					import_hours: 'yes',
					period_start: '2026-03-01',
					period_end: '2026-06-14',
					import_expenses: 'all',
					expense_summary_type: 'category',
					due_at_human_format: 'NET 21',
				},
			},
			v2: {
				client_id: clientId,
				issue_date: issued,
				payment_term: 'custom',
				due_date: due,
				line_items_import: {
					project_ids: projectIds,
					time: { summary_type: 'project', from: '2026-03-01', to: '2026-06-14' },
					expenses: { summary_type: 'category' },
				},
			},
		}[wire.api];
		expect(received(sandbox.requests())[0].body).toEqual(sent);
		expect(json).toMatchObject(wire.invoice({ client_id: clientId, due_at: due, due_at_human_format: 'NET 21', state: 'draft' }));
		expect((json.line_items as IDataObject[]).length).toBeGreaterThan(0);
		expect(json.amount as number).toBeGreaterThan(0);
	});

	it('refuses bad input before any request', async () => {
		await expect(create({ kind: 'free_form', lineItemsInput: 'csv', csvLineItems: 'kind;description\nService;x' })).rejects.toThrow(
			/Line Items \(CSV\) is not usable: the first line must be the header/,
		);
		await expect(
			create({ kind: 'free_form', lineItems: { lineItem: [{ kind: 'Service', quantity: 1, unitPrice: '9,99' }] } }),
		).rejects.toThrow(/Line Items > line 1 > Unit Price must be a number with a decimal point/);
		await expect(create({ kind: 'free_form', additionalFields: { discount: 120 } })).rejects.toThrow(/Discount \(%\) must be/);
		await expect(create({ kind: 'project', projectIds: [] })).rejects.toThrow(/Projects to Invoice is empty/);
		await expect(runInvoice(sandbox, wire, 'create', { clientId: '', kind: 'free_form' })).rejects.toThrow(/Client is empty/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('reports a number already taken as a Harvest validation error, without reading anything back', async () => {
		const taken = [...sandbox.store.invoices.values()][0].number;
		const lineItems = { lineItem: [{ kind: 'Service', description: 'Design', quantity: 1, unitPrice: 10 }] };
		await expect(create({ kind: 'free_form', lineItems, additionalFields: { number: taken } })).rejects.toThrow(
			/Harvest could not accept the data \(HTTP 422\)/,
		);
		expect(received(sandbox.requests()).map((r) => r.method)).toEqual(['POST']);
		expect(sandbox.requests().at(-1)!.status).toBe(422);
	});
});
