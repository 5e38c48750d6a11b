import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, byId, received, runInvoice } from './invoiceRun';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

describe.each(EACH_WIRE)('Invoice > Update (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let invoiceId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 10, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => {
		sandbox.clearRequests();
		invoiceId = [...sandbox.store.invoices.values()].find((invoice) => invoice.state === 'draft' && invoice.lineItems.length > 1)!.id;
	});

	// The lines as stored, without the ids the sandbox gives them once v2 reads them.
	const storedLines = () => sandbox.store.invoices.get(invoiceId)!.lineItems.map(({ id: _id, ...line }) => line);
	const update = async (parameters: IDataObject) =>
		await runInvoice(sandbox, wire, 'update', { invoiceId: byId(invoiceId), ...parameters });

	it('changes only the fields given and leaves line items alone', async () => {
		const linesBefore = structuredClone(storedLines());
		const items = await update({
			updateFields: { subject: 'Updated, "quoted"', dueTerms: 'net45', issuedAt: '2026-06-10T00:00:00', purchaseOrder: '' },
		});
		// v1 PUTs the fields given and reads the invoice back; v2 PATCHes them in its words and answers with it.
		const sent = {
			v1: { invoice: { subject: 'Updated, "quoted"', issued_at: '2026-06-10', purchase_order: '', due_at_human_format: 'NET 45' } },
			v2: { subject: 'Updated, "quoted"', issue_date: '2026-06-10', purchase_order: '', payment_term: 'net 45' },
		}[wire.api];
		expect(received(sandbox.requests())).toEqual([
			{ method: wire.updateMethod, path: wire.path(`/invoices/${invoiceId}`), query: {}, body: sent },
			...wire.readBack(wire.path(`/invoices/${invoiceId}`)).map((read) => ({ ...read, query: {} })),
		]);
		expect(storedLines()).toEqual(linesBefore);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject(
			wire.invoice({ id: invoiceId, subject: 'Updated, "quoted"', issued_at: '2026-06-10', due_at: '2026-07-25', due_at_human_format: 'NET 45' }),
		);
		expect((items[0].json.line_items as IDataObject[]).length).toBe(linesBefore.length);
	});

	it('replaces every line item when Change Line Items is on', async () => {
		// v2 keeps the lines a PATCH does not name: each current one goes by id (_destroy), read first.
		const current = storedLines().map(() => ({ id: expect.any(Number), _destroy: true }));
		const sent = {
			v1: { invoice: { csv_line_items: `${HEADER}\nProduct,"Only line, now",2.0,49.5,99.0,false,false,\n` } },
			v2: {
				line_items: [...current, { kind: 'Product', description: 'Only line, now', quantity: 2, unit_price: 49.5, taxed: false, taxed2: false }],
			},
		}[wire.api];
		const items = await update({
			replaceLineItems: true,
			lineItemsInput: 'editor',
			lineItems: { lineItem: [{ kind: 'Product', description: 'Only line, now', quantity: 2, unitPrice: 49.5, taxed: false, taxed2: false, projectId: '' }] },
		});
		const write = received(sandbox.requests()).find((request) => request.method === wire.updateMethod)!;
		expect(write.body).toEqual(sent);
		expect(storedLines().map((line) => line.description)).toEqual(['Only line, now']);
		expect(items[0].json.line_items).toEqual([
			wire.lineItem({ kind: 'Product', description: 'Only line, now', quantity: 2, unit_price: 49.5, amount: 99, taxed: false, taxed2: false, project_id: null }),
		]);
		expect(items[0].json.amount).toBe(sandbox.store.invoices.get(invoiceId)!.amount);
	});

	it('adds lines to the existing ones with Line Items Change > Add to Existing Lines', async () => {
		const before = sandbox.store.invoices.get(invoiceId)!.lineItems.map((line) => line.description);
		const items = await update({
			replaceLineItems: true,
			lineItemsMode: 'append',
			lineItemsInput: 'editor',
			lineItems: { lineItem: [{ kind: 'Product', description: 'Added, later', quantity: 1, unitPrice: 10, taxed: false, taxed2: false, projectId: '' }] },
		});
		const requests = received(sandbox.requests());
		const path = wire.path(`/invoices/${invoiceId}`);
		// v1 replaces every line with the CSV sent: the current lines are read and sent again, the new one
		// last. v2 adds the lines a PATCH sends without an id: nothing to read first.
		const calls = { v1: [`GET ${path}`, `PUT ${path}`, `GET ${path}`], v2: [`PATCH ${path}`] }[wire.api];
		const sent = {
			v1: { invoice: { csv_line_items: expect.stringMatching(/^kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\n[^]*\nProduct,"Added, later",1\.0,10\.0,10\.0,false,false,\n$/) } },
			v2: { line_items: [{ kind: 'Product', description: 'Added, later', quantity: 1, unit_price: 10, taxed: false, taxed2: false }] },
		}[wire.api];
		expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(calls);
		expect(requests.find((request) => request.method === wire.updateMethod)!.body).toEqual(sent);
		expect(sandbox.store.invoices.get(invoiceId)!.lineItems.map((line) => line.description)).toEqual([...before, 'Added, later']);
		expect((items[0].json.line_items as IDataObject[]).map((line) => line.description)).toEqual([...before, 'Added, later']);
	});

	it('refuses to add nothing, before any request', async () => {
		await expect(update({ replaceLineItems: true, lineItemsMode: 'append', lineItemsInput: 'editor', lineItems: {} })).rejects.toThrow(
			/Line Items is empty: there is no line to add/,
		);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('refuses an update with nothing to change, before any request', async () => {
		await expect(update({ updateFields: {} })).rejects.toThrow(/Nothing to update: no field was given/);
		await expect(update({ replaceLineItems: true, lineItemsInput: 'editor', lineItems: {} })).rejects.toThrow(
			/Line Items is empty/,
		);
		await expect(update({ updateFields: { clientId: 'Acme' } })).rejects.toThrow(/Client must be a Harvest ID/);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it("reports Harvest's refusal (an unknown category in the line items)", async () => {
		await expect(
			update({ replaceLineItems: true, lineItemsInput: 'csv', csvLineItems: `${HEADER}\nConsulting,x,1,1,1,false,false,\n` }),
		).rejects.toThrow(/Harvest could not accept the data \(HTTP 422\)/);
		// One write, refused; nothing read back after it (v2 reads the lines to replace before).
		const log = sandbox.requests().filter((request) => request.path !== '/v2/company');
		expect(log.filter((request) => request.method !== 'GET').map((r) => `${r.method} ${r.status}`)).toEqual([`${wire.updateMethod} 422`]);
		expect(log.at(-1)!.method).toBe(wire.updateMethod);
	});
});
