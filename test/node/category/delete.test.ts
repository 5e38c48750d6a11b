import { NodeApiError } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { harvest, idFromLocation } from '../../sandbox/testing/client';
import { EACH_WIRE, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Category > Delete (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 0, throttle: false });
		run = operationRunner(sandbox, 'category', wire);
	});
	afterAll(async () => await sandbox.stop());

	const createCategory = async (name: string) => {
		const id = idFromLocation(await harvest(sandbox).post('/invoice_item_categories', { invoice_item_category: { name } }));
		sandbox.clearRequests();
		return id;
	};

	it('deletes a category of its own and says what was deleted', async () => {
		const id = await createCategory('Meals');
		const items = await run('delete', { categoryId: String(id) });
		expect(items).toEqual([{ json: { id, deleted: true }, pairedItem: { item: 0 } }]);
		expect(received(sandbox)).toEqual([{ method: 'DELETE', path: wire.path(`/invoice_item_categories/${id}`), body: null }]);
		expect(sandbox.store.categories.has(id)).toBe(false);
	});

	it('explains that a default category cannot be deleted', async () => {
		sandbox.clearRequests();
		const error = await run('delete', { categoryId: '2' }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe(
			'Harvest keeps its two default categories (for billed hours and for billed expenses): they cannot be deleted',
		);
		expect((error as NodeApiError).description).toContain('can be renamed instead, with Category > Update');
		// v1 refuses with a 400, v2 with a 422 quoting its reason.
		expect((error as NodeApiError).httpCode).toBe(wire.api === 'v1' ? '400' : '422');
		if (wire.api === 'v2') expect((error as NodeApiError).description).toContain('Harvest says: "Product" is used as service or expense');
		expect(received(sandbox).map((request) => request.method)).toEqual(['DELETE']);
		expect(sandbox.store.categories.has(2)).toBe(true);
	});

	it('gives an error item for the default category and deletes the others with Continue On Fail', async () => {
		const id = await createCategory('Software');
		const items = await run(
			'delete',
			{ categoryId: '={{ $json.category }}' },
			{ continueOnFail: true, items: [{ json: { category: 1 } }, { json: { category: id } }] },
		);
		expect(items).toHaveLength(2);
		expect(items[0].error?.message).toContain('Harvest keeps its two default categories');
		expect(items[1]).toEqual({ json: { id, deleted: true }, pairedItem: { item: 1 } });
		expect(sandbox.store.categories.has(1)).toBe(true);
		expect(sandbox.store.categories.has(id)).toBe(false);
	});

	it('refuses a Category ID that is not digits before any request', async () => {
		sandbox.clearRequests();
		await expect(run('delete', { categoryId: '1;2' })).rejects.toThrow('Category must be a Harvest ID');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
