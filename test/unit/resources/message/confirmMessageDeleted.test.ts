import { confirmMessageDeleted } from '../../../../nodes/HarvestInvoicing/resources/message/hooks/confirmMessageDeleted';
import { fakeContext, locator } from '../fakeContext';

describe('confirmMessageDeleted', () => {
	it('names the deleted message and its invoice, without asking Harvest again', async () => {
		const { context, requests } = fakeContext({ parameters: { invoiceId: locator('5'), messageId: ' 77 ' }, itemIndex: 4 });
		expect(await confirmMessageDeleted.call(context)).toEqual([
			{ json: { id: 77, invoice_id: 5, deleted: true }, pairedItem: { item: 4 } },
		]);
		expect(requests).toEqual([]);
	});
});
