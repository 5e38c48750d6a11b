import { reportDeletedInvoice } from '../../../nodes/HarvestInvoicing/resources/invoice/hooks/deleted';
import { fakeSingleContext, locator } from './fakeContext';

describe('reportDeletedInvoice (Invoice > Delete postReceive)', () => {
	it('outputs { id, deleted: true } paired with its input item', async () => {
		const { context } = fakeSingleContext({ itemIndex: 1, parameters: { invoiceId: locator('6763297', 'url') } });
		expect(await reportDeletedInvoice.call(context, [])).toEqual([
			{ json: { id: 6763297, deleted: true }, pairedItem: { item: 1 } },
		]);
	});
});
