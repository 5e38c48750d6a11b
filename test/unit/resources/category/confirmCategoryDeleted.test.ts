import { confirmCategoryDeleted } from '../../../../nodes/HarvestInvoicing/resources/category/hooks/confirmCategoryDeleted';
import { fakeContext } from '../fakeContext';

describe('confirmCategoryDeleted', () => {
	it('names the deleted category', async () => {
		const { context } = fakeContext({ parameters: { categoryId: '3' } });
		expect(await confirmCategoryDeleted.call(context)).toEqual([
			{ json: { id: 3, deleted: true }, pairedItem: { item: 0 } },
		]);
	});
});
