/** v2 invoice item categories: name only, read-only flags, delete only without flags, cursor pagination. */
import { startSandbox, type Sandbox } from './index';
import { harvest, harvestV2, walkV2, type HarvestV2Client } from './testing/client';

let sandbox: Sandbox;
let api: HarvestV2Client;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 2 });
	api = harvestV2(sandbox);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const CATEGORY_KEYS = ['id', 'name', 'use_as_service', 'use_as_expense', 'created_at', 'updated_at'];

test('the list and one category have the documented fields', async () => {
	const list = (await api.get('/invoice_item_categories')).json();
	expect(list.invoice_item_categories.map((category: any) => category.name)).toEqual(['Service', 'Product']);
	expect(Object.keys(list.invoice_item_categories[0])).toEqual(CATEGORY_KEYS);
	expect(list.per_page).toBe(2000);
	expect((await api.get('/invoice_item_categories/1')).json()).toMatchObject({ id: 1, name: 'Service', use_as_service: true, use_as_expense: false });
	expect((await api.get('/invoice_item_categories/99')).status).toBe(404);
});

test('create takes the name only: flags sent are ignored; 201 with the category', async () => {
	const response = await api.post('/invoice_item_categories', { name: 'Travel', use_as_service: true, use_as_expense: true });
	expect(response.status).toBe(201);
	expect(response.json()).toMatchObject({ name: 'Travel', use_as_service: false, use_as_expense: false });
	expect((await api.post('/invoice_item_categories', { name: 'travel' })).status).toBe(422);
	expect((await api.post('/invoice_item_categories', { use_as_service: true })).json()).toEqual({ message: "Name can't be blank" });
});

test('PATCH renames (line items follow, as on v1) and ignores the flags', async () => {
	const response = await api.patch('/invoice_item_categories/2', { name: 'Goods', use_as_expense: false });
	expect(response.status).toBe(200);
	expect(response.json()).toMatchObject({ id: 2, name: 'Goods', use_as_expense: true });
	expect((await harvest(sandbox).get('/invoice_item_categories/2')).json().invoice_category.name).toBe('Goods');
	const kinds = [...sandbox.store.invoices.values()].flatMap((invoice) => invoice.lineItems.map((item) => item.kind));
	expect(kinds).not.toContain('Product');
});

test('DELETE only when both flags are false (else 422); 200 and empty', async () => {
	const refused = await api.delete('/invoice_item_categories/1');
	expect(refused.status).toBe(422);
	expect(refused.json().message).toMatch(/service or expense/);
	const created = (await api.post('/invoice_item_categories', { name: 'Misc' })).json();
	const deleted = await api.delete(`/invoice_item_categories/${created.id}`);
	expect(deleted.status).toBe(200);
	expect(deleted.text).toBe('');
	expect(sandbox.store.categories.has(created.id)).toBe(false);
});

test('cursor pagination: 6 categories at per_page 2 are 3 pages; links.next reads each once', async () => {
	for (const name of ['A', 'B', 'C', 'D']) await api.post('/invoice_item_categories', { name });
	const { records, pages } = await walkV2(api, '/invoice_item_categories?per_page=2', 'invoice_item_categories');
	expect(pages).toHaveLength(3);
	expect(records.map((category) => category.name)).toEqual(['Service', 'Product', 'A', 'B', 'C', 'D']);
	// A category added after page 1 was read (it sorts last) is still read, once; a deleted one shifts nothing.
	sandbox.onRequest({
		path: '/v2/invoice_item_categories', nth: 1,
		action: () => {
			const id = sandbox.store.nextId('category');
			sandbox.store.categories.set(id, { id, name: 'Late', useAsService: false, useAsExpense: false, createdAt: 'x', updatedAt: 'x' });
			sandbox.store.categories.delete(records[0].id);
		},
	});
	const { records: again } = await walkV2(api, '/invoice_item_categories?per_page=2', 'invoice_item_categories');
	expect(again.map((category) => category.name)).toEqual(['Service', 'Product', 'A', 'B', 'C', 'D', 'Late']);
});
