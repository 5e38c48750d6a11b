import { readBackCreatedPayment } from '../../../../nodes/HarvestInvoicing/resources/payment/hooks/readBackCreatedPayment';
import { answer, fakeContext, locator } from '../fakeContext';

const PAYMENT = { id: 9, invoice_id: 5, amount: 300, paid_at: '2026-06-10T00:00:00Z', notes: '' };
const INVOICE = { id: 5, state: 'partial', due_amount: 700, amount: 1000 };
const CREATED = answer(201, '', { location: '/invoices/5/payments/9' });

describe('readBackCreatedPayment', () => {
	it('reads the payment from Location and adds the invoice state and due amount', async () => {
		const { context, requests } = fakeContext({
			parameters: { invoiceId: locator('5') },
			itemIndex: 2,
			answers: {
				'GET /invoices/5/payments/9': answer(200, { payment: PAYMENT }),
				'GET /invoices/5': answer(200, { invoice: INVOICE }),
			},
		});
		const items = await readBackCreatedPayment.call(context, [], CREATED);
		expect(items).toEqual([
			{ json: { ...PAYMENT, invoice_state: 'partial', invoice_due_amount: 700 }, pairedItem: { item: 2 } },
		]);
		expect(requests).toEqual(['GET /invoices/5/payments/9', 'GET /invoices/5']);
	});

	it('reads XML the same way', async () => {
		const { context } = fakeContext({
			parameters: { invoiceId: locator('5') },
			dataFormat: 'xml',
			answers: {
				'GET /invoices/5/payments/9': answer(
					200,
					'<payment><id type="integer">9</id><amount type="decimal">300.0</amount></payment>',
				),
				'GET /invoices/5': answer(200, '<invoice><state>paid</state><due-amount type="decimal">0.0</due-amount></invoice>'),
			},
		});
		const items = await readBackCreatedPayment.call(context, [], CREATED);
		// The payment names its invoice even when the record does not (v2's never do).
		expect(items[0].json).toEqual({ id: 9, invoice_id: 5, amount: 300, invoice_state: 'paid', invoice_due_amount: 0 });
	});

	it('uses the payment Harvest sent in the body, when it sent one', async () => {
		const { context, requests } = fakeContext({
			parameters: { invoiceId: locator('5') },
			answers: { 'GET /invoices/5': answer(200, { invoice: INVOICE }) },
		});
		const items = await readBackCreatedPayment.call(context, [{ json: PAYMENT }], answer(201, { payment: PAYMENT }));
		expect(items[0].json).toMatchObject({ id: 9, invoice_state: 'partial' });
		expect(requests).toEqual(['GET /invoices/5']);
	});

	it('outputs the recorded payment it knows (id from Location) when reading back fails', async () => {
		const { context } = fakeContext({
			parameters: { invoiceId: locator('5') },
			answers: { 'GET /invoices/5/payments/9': answer(404, { message: 'Not found' }) },
		});
		const [item] = await readBackCreatedPayment.call(context, [], CREATED);
		expect(item.json).toMatchObject({ id: 9, invoice_id: 5 });
		expect(item.json.read_back_error).toBe(
			'Harvest recorded the payment, but reading the result back failed: Harvest found no such record, or this login has no permission to see it (HTTP 404): Not found',
		);
	});
});
