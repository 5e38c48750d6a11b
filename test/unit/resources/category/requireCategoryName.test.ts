import { NodeOperationError } from 'n8n-workflow';

import { requireCategoryName } from '../../../../nodes/HarvestInvoicing/resources/category/hooks/requireCategoryName';
import { v1Wire } from '../../v1Wire';
import { fakeContext, requestWithBody } from '../fakeContext';

describe('requireCategoryName', () => {
	const run = async (name: unknown) =>
		await requireCategoryName.call(fakeContext().context, requestWithBody({ category: { name } }));

	it('sends the name without surrounding spaces', async () => {
		expect(await v1Wire('category:create', (await run('  Travel ')).body)).toEqual({ invoice_item_category: { name: 'Travel' } });
	});

	it.each([[''], ['   '], [undefined], [42]])('refuses %j', async (name) => {
		const error = await run(name).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe('Name must not be empty, e.g. Travel');
	});
});
