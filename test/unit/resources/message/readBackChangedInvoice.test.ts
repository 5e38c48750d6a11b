import { readBackChangedInvoice } from '../../../../nodes/HarvestInvoicing/resources/message/hooks/readBackChangedInvoice';
import { answer, fakeContext, locator } from '../fakeContext';

describe('readBackChangedInvoice', () => {
	it('outputs the invoice read back, with its new state and the usual invoice extras', async () => {
		const { context, requests } = fakeContext({
			parameters: { invoiceId: locator('5') },
			itemIndex: 1,
			answers: { 'GET /invoices/5': answer(200, { invoice: { id: 5, state: 'closed', client_key: 'abc123' } }) },
		});
		const items = await readBackChangedInvoice.call(context, [], answer(200));
		expect(items).toEqual([
			{
				json: {
					id: 5,
					state: 'closed',
					client_key: 'abc123',
					client_dashboard_url: 'https://acme.harvestapp.com/client/invoices/abc123',
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(requests).toEqual(['GET /invoices/5']);
	});

	it("says the state was changed when the invoice cannot be read", async () => {
		const { context } = fakeContext({
			parameters: { invoiceId: locator('5') },
			answers: { 'GET /invoices/5': answer(401, '') },
		});
		const [item] = await readBackChangedInvoice.call(context, [], answer(200));
		expect(item.json.id).toBe(5);
		expect(item.json.read_back_error).toContain("Harvest changed the invoice's state, but reading the result back failed");
	});
});
