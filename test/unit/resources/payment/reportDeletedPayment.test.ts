import { reportDeletedPayment } from '../../../../nodes/HarvestInvoicing/resources/payment/hooks/reportDeletedPayment';
import { answer, fakeContext, locator } from '../fakeContext';

describe('reportDeletedPayment', () => {
	it("says what was deleted and where the invoice stands now", async () => {
		const { context, requests } = fakeContext({
			parameters: { invoiceId: locator('5'), paymentId: '9' },
			answers: { 'GET /invoices/5': answer(200, { invoice: { id: 5, state: 'open', due_amount: 1000 } }) },
		});
		const items = await reportDeletedPayment.call(context, [], answer(200));
		expect(items).toEqual([
			{
				json: { id: 9, invoice_id: 5, deleted: true, invoice_state: 'open', invoice_due_amount: 1000 },
				pairedItem: { item: 0 },
			},
		]);
		expect(requests).toEqual(['GET /invoices/5']);
	});

	it('says the payment was deleted when the invoice cannot be read', async () => {
		const { context } = fakeContext({
			parameters: { invoiceId: locator('5'), paymentId: '9' },
			answers: { 'GET /invoices/5': answer(404, '') },
		});
		const [item] = await reportDeletedPayment.call(context, [], answer(200));
		expect(item.json).toMatchObject({ id: 9, invoice_id: 5, deleted: true });
		expect(item.json.read_back_error).toContain('Harvest deleted the payment, but reading the result back failed');
	});
});
