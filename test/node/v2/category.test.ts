import { NodeApiError } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { calls, received, v2Runner } from './v2Run';

describe('Harvest API v2: Category operations', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 0, throttle: false });
		run = v2Runner(sandbox);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('creates a category sending its name only, trimmed', async () => {
		const [item] = await run('category', 'create', { name: '  Travel ' });
		expect(received(sandbox)[0]).toEqual({ method: 'POST', path: '/v2/invoice_item_categories', query: {}, body: { name: 'Travel' } });
		expect(item.json).toMatchObject({ name: 'Travel', use_as_service: false, use_as_expense: false });
		expect(sandbox.store.categories.get(item.json.id as number)!.name).toBe('Travel');
	});

	it('renames a category with a PATCH of the name only', async () => {
		const [created] = await run('category', 'create', { name: 'Meals' });
		sandbox.clearRequests();
		const [item] = await run('category', 'update', { categoryId: String(created.json.id), name: 'Food' });
		expect(received(sandbox)[0]).toEqual({
			method: 'PATCH',
			path: `/v2/invoice_item_categories/${created.json.id}`,
			query: {},
			body: { name: 'Food' },
		});
		expect(item.json).toMatchObject({ id: created.json.id, name: 'Food' });
	});

	it('renames a default category, leaving its flags to Harvest', async () => {
		const [item] = await run('category', 'update', { categoryId: '1', name: 'Consulting' });
		expect(received(sandbox)[0].body).toEqual({ name: 'Consulting' });
		expect(item.json).toMatchObject({ id: 1, name: 'Consulting', use_as_service: true });
	});

	it('lists every category, or the first Limit', async () => {
		const all = await run('category', 'getAll', { returnAll: true });
		expect(calls(sandbox)[0]).toBe('GET /v2/invoice_item_categories');
		expect(all.map((item) => item.json.id).sort()).toEqual([...sandbox.store.categories.keys()].sort());
		expect(await run('category', 'getAll', { returnAll: false, limit: 1 })).toHaveLength(1);
	});

	it('deletes a category of its own', async () => {
		const [created] = await run('category', 'create', { name: 'Software' });
		const id = created.json.id as number;
		sandbox.clearRequests();
		const [item] = await run('category', 'delete', { categoryId: String(id) });
		expect(calls(sandbox)).toEqual([`DELETE /v2/invoice_item_categories/${id}`]);
		expect(item.json).toEqual({ id, deleted: true });
		expect(sandbox.store.categories.has(id)).toBe(false);
	});

	it("refuses to delete a default category, with Harvest's message", async () => {
		const error = await run('category', 'delete', { categoryId: '2' }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe(
			'Harvest keeps its two default categories (for billed hours and for billed expenses): they cannot be deleted',
		);
		expect((error as NodeApiError).description).toContain('Harvest says: "Product" is used as service or expense');
		expect((error as NodeApiError).httpCode).toBe('422');
		expect(calls(sandbox)).toEqual(['DELETE /v2/invoice_item_categories/2']);
		expect(sandbox.store.categories.has(2)).toBe(true);
	});

	it('refuses a bad Category ID or an empty name before any request', async () => {
		await expect(run('category', 'delete', { categoryId: '1;2' })).rejects.toThrow('Category must be a Harvest ID');
		await expect(run('category', 'create', { name: '   ' })).rejects.toThrow('Name must not be empty');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
