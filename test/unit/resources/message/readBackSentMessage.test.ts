import { readBackSentMessage } from '../../../../nodes/HarvestInvoicing/resources/message/hooks/readBackSentMessage';
import { answer, fakeContext, locator } from '../fakeContext';

const MESSAGE = { id: 77, invoice_id: 5, subject: 'Invoice #5', full_recipient_list: 'ann@example.com' };

describe('readBackSentMessage', () => {
	it("reads the message from Location and adds the invoice's new state", async () => {
		const { context, requests } = fakeContext({
			parameters: { invoiceId: locator('5') },
			answers: {
				'GET /invoices/5/messages/77': answer(200, { message: MESSAGE }),
				'GET /invoices/5': answer(200, { invoice: { id: 5, state: 'open', due_amount: 1000 } }),
			},
		});
		const items = await readBackSentMessage.call(context, [], answer(201, '', { location: '/invoices/5/messages/77' }));
		expect(items).toEqual([{ json: { ...MESSAGE, invoice_state: 'open' }, pairedItem: { item: 0 } }]);
		expect(requests).toEqual(['GET /invoices/5/messages/77', 'GET /invoices/5']);
	});

	it('outputs the sent message it knows (id from Location) when reading back fails', async () => {
		const { context } = fakeContext({
			parameters: { invoiceId: locator('5') },
			answers: { 'GET /invoices/5/messages/77': answer(404, '') },
		});
		const created = answer(201, '', { location: '/invoices/5/messages/77' });
		// A success item: the email went out, and an error would invite sending it again.
		const [item] = await readBackSentMessage.call(context, [], created);
		expect(item.json).toMatchObject({ id: 77, invoice_id: 5 });
		expect(item.json.read_back_error).toContain('Harvest sent the invoice, but reading the result back failed');
	});
});
