import { NodeApiError } from 'n8n-workflow';

import { explainDefaultCategoryDelete } from '../../../../nodes/HarvestInvoicing/resources/category/hooks/explainDefaultCategoryDelete';
import { answer, fakeContext } from '../fakeContext';

describe('explainDefaultCategoryDelete', () => {
	it("turns Harvest's bare 400 into an explanation, keeping Harvest's own words", async () => {
		const { context } = fakeContext({ itemIndex: 2 });
		const refused = answer(400, '<error><message>Cannot delete a default category</message></error>');
		const error = await explainDefaultCategoryDelete.call(context, [], refused).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe(
			'Harvest keeps its two default categories (for billed hours and for billed expenses): they cannot be deleted',
		);
		expect((error as NodeApiError).description).toBe(
			'Harvest says: Cannot delete a default category. A default category can be renamed instead, with Category > Update.',
		);
		expect((error as NodeApiError).httpCode).toBe('400');
	});

	it("explains Harvest v2's 422 for the same refusal, with v2's status", async () => {
		const refused = answer(422, { message: '"Product" is used as service or expense' });
		const error = (await explainDefaultCategoryDelete.call(fakeContext().context, [], refused).catch((caught: unknown) => caught)) as NodeApiError;
		expect(error.message).toContain('Harvest keeps its two default categories');
		expect(error.description).toContain('Harvest says: "Product" is used as service or expense.');
		expect(error.httpCode).toBe('422');
	});

	it('takes the login out of what the server sent back', async () => {
		const { context } = fakeContext();
		const credentials = await context.getCredentials('harvestInvoicingApi');
		const echoed = answer(400, { message: `Cannot delete for ${String(credentials.accessToken)}, Authorization: Basic QWxhZGRpbjpvcGVu` });
		const error = (await explainDefaultCategoryDelete.call(context, [], echoed).catch((caught: unknown) => caught)) as NodeApiError;
		expect(error.description).toContain('Cannot delete for [redacted], Authorization: Basic [redacted]');
		expect(JSON.stringify(error)).not.toContain(String(credentials.accessToken));
	});

	it('lets every other answer through to the shared decoder', async () => {
		const items = [{ json: {} }];
		for (const status of [200, 404, 503]) {
			expect(await explainDefaultCategoryDelete.call(fakeContext().context, items, answer(status))).toBe(items);
		}
	});
});
