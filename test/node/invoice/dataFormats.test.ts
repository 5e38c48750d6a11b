import type { INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, runInvoice, V1_JSON, V1_XML, type Wire } from './invoiceRun';

/** JSON and XML on the v1 wire must give the very same items (v2 is JSON only; its items are v2's own records). */
describe('Invoice items are identical for the JSON and XML data formats', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 75, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	const both = async (run: (wire: Wire) => Promise<INodeExecutionData[]>) => ({
		json: await run(V1_JSON),
		xml: await run(V1_XML),
	});

	it('Get Many with Return All (every state, nulls, decimals, empty strings)', async () => {
		const { json, xml } = await both(async (format) => await runInvoice(sandbox, format, 'getAll', { returnAll: true }));
		expect(json).toHaveLength(75);
		expect(xml).toEqual(json);
		const states = new Set(json.map((item) => item.json.state));
		expect([...states].sort()).toEqual(['closed', 'draft', 'open', 'paid', 'partial']);
	});

	it('Get of every kind of invoice, line items included', async () => {
		for (const id of [...sandbox.store.invoices.keys()].slice(0, 20)) {
			const { json, xml } = await both(async (format) => await runInvoice(sandbox, format, 'get', { invoiceId: byId(id) }));
			expect(xml).toEqual(json);
			expect(json[0].json.line_items).toBeDefined();
		}
	});

	it('Create and Update read-backs', async () => {
		const clientId = String([...sandbox.store.clients.keys()][1]);
		const lineItem = { kind: 'Service', description: 'Same, "in both"\nformats', quantity: 1.5, unitPrice: 80, taxed: true, taxed2: false, projectId: '' };
		const created = await both(async (format) =>
			await runInvoice(sandbox, format, 'create', {
				clientId,
				kind: 'free_form',
				lineItems: { lineItem: [lineItem] },
				additionalFields: { subject: 'Twin', issuedAt: '2026-06-01', tax: 7.5 },
			}),
		);
		const withoutIdentity = (items: INodeExecutionData[]) =>
			items.map(({ json }) => ({ ...json, id: 0, number: '', client_key: '', client_dashboard_url: '' }));
		expect(withoutIdentity(created.xml)).toEqual(withoutIdentity(created.json));

		const id = created.json[0].json.id as number;
		const updated = await both(async (format) =>
			await runInvoice(sandbox, format, 'update', { invoiceId: byId(id), updateFields: { notes: 'Same notes, both times' } }),
		);
		expect(updated.xml).toEqual(updated.json);
	});
});
