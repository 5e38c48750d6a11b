import {
	readBackCreatedCategory,
	readBackUpdatedCategory,
} from '../../../../nodes/HarvestInvoicing/resources/category/hooks/readBackCategory';
import { answer, fakeContext } from '../fakeContext';

const LIST = answer(200, [
	{ invoice_category: { id: 1, name: 'Service' } },
	{ invoice_category: { id: 3, name: 'Travel' } },
]);

describe('readBackCreatedCategory', () => {
	it('finds the new category (from Location) in the list, Harvest having no GET of one category', async () => {
		const { context, requests } = fakeContext({ answers: { 'GET /invoice_item_categories': LIST } });
		const created = answer(201, '', { Location: 'https://acme.harvestapp.com/invoice_item_categories/3' });
		expect(await readBackCreatedCategory.call(context, [], created)).toEqual([
			{ json: { id: 3, name: 'Travel' }, pairedItem: { item: 0 } },
		]);
		expect(requests).toEqual(['GET /invoice_item_categories']);
	});

	it('says the category was created when it is not in the list', async () => {
		const { context } = fakeContext({ answers: { 'GET /invoice_item_categories': LIST } });
		const created = answer(201, '', { location: '/invoice_item_categories/99' });
		const [item] = await readBackCreatedCategory.call(context, [], created);
		expect(item.json).toEqual({
			id: 99,
			read_back_error:
				"Harvest created the category, but reading the result back failed: Category 99 is not in Harvest's list of categories",
		});
	});

	it('keeps the category Harvest sent in the body, when it sent one', async () => {
		const { context, requests } = fakeContext();
		const items = [{ json: { id: 3, name: 'Travel' } }];
		expect(await readBackCreatedCategory.call(context, items, answer(201))).toBe(items);
		expect(requests).toEqual([]);
	});
});

describe('readBackUpdatedCategory', () => {
	it('finds the category of the Category ID parameter in the list', async () => {
		const { context } = fakeContext({
			parameters: { categoryId: '1' },
			answers: { 'GET /invoice_item_categories': LIST },
		});
		expect(await readBackUpdatedCategory.call(context, [], answer(200))).toEqual([
			{ json: { id: 1, name: 'Service' }, pairedItem: { item: 0 } },
		]);
	});
});
