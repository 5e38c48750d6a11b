import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { readBackSavedInvoice } from '../../../nodes/HarvestInvoicing/resources/invoice/hooks/readBack';
import { fakeSingleContext, locator } from './fakeContext';

const invoiceBody = {
	invoice: {
		id: 42,
		client_id: 1001,
		amount: '25.0',
		client_key: 'abc',
		csv_line_items: 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nService,"A, b",1.00,25.00,25.0,false,false,\n',
	},
};

const created = (headers: Record<string, string>): IN8nHttpFullResponse => ({ statusCode: 201, headers, body: '' });

describe('readBackSavedInvoice (Invoice > Create/Update postReceive)', () => {
	it('reads the invoice named by Location and outputs it as one paired item', async () => {
		const { context, calls } = fakeSingleContext({
			itemIndex: 3,
			answers: { 'GET /invoices/42': { statusCode: 200, body: invoiceBody } },
		});
		const items = await readBackSavedInvoice.call(context, [], created({ Location: '/invoices/42' }));
		expect(calls.map((call) => `${String(call.method)} ${String(call.url)}`)).toEqual(['GET /invoices/42']);
		expect(items).toEqual([
			{
				json: {
					...invoiceBody.invoice,
					amount: 25,
					client_dashboard_url: 'https://acme.harvestapp.com/client/invoices/abc',
					line_items: [
						{ kind: 'Service', description: 'A, b', quantity: 1, unit_price: 25, amount: 25, taxed: false, taxed2: false, project_id: null },
					],
				},
				pairedItem: { item: 3 },
			},
		]);
	});

	it("falls back to the updated invoice's ID when the answer has no Location", async () => {
		const { context } = fakeSingleContext({
			parameters: { invoiceId: locator('42') },
			answers: { 'GET /invoices/42': { statusCode: 200, body: invoiceBody } },
		});
		const items = await readBackSavedInvoice.call(context, [], { statusCode: 200, headers: {}, body: '' });
		expect(items[0].json.id).toBe(42);
	});

	it('outputs the saved invoice id, not an error, when reading back fails', async () => {
		const { context } = fakeSingleContext({
			answers: { 'GET /invoices/42': { statusCode: 404, body: { message: 'Not found' } } },
		});
		const [item] = await readBackSavedInvoice.call(context, [], created({ location: '/invoices/42' }));
		expect(item.json.id).toBe(42);
		expect(item.json.read_back_error).toContain('Harvest saved invoice 42, but reading the result back failed');
	});

	it('refuses to guess when a create answer names no invoice', async () => {
		const { context, calls } = fakeSingleContext();
		await expect(readBackSavedInvoice.call(context, [], created({}))).rejects.toMatchObject({
			httpCode: '201',
			message: expect.stringContaining('no Location header'),
		});
		expect(calls).toHaveLength(0);
	});
});
