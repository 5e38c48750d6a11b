/** Invoice item categories: the two defaults (renamable, not deletable), custom ones, and their effect on line items. */
import { startSandbox, type Invoice, type Sandbox } from './index';
import { harvest, idFromLocation, type HarvestClient } from './testing/client';
import { createDraft, csv } from './testing/invoices';

let sandbox: Sandbox;
let api: HarvestClient;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 10 });
	api = harvest(sandbox);
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.seed());

test('the defaults, as in the seed: 1 Service (use_as_service), 2 Product (use_as_expense)', async () => {
	expect((await api.get('/invoice_item_categories')).json()).toEqual([
		{ invoice_category: { id: 1, name: 'Service', created_at: '2016-06-07T10:43:08Z', updated_at: '2016-06-07T10:43:08Z', use_as_service: true, use_as_expense: false } },
		{ invoice_category: { id: 2, name: 'Product', created_at: '2016-06-07T10:43:08Z', updated_at: '2016-06-07T10:43:08Z', use_as_service: false, use_as_expense: true } },
	]);
});

test.each([1, 2])('default category %i can be renamed (200) but not deleted (400 with a message)', async (id) => {
	const renamed = await api.put(`/invoice_item_categories/${id}`, { invoice_item_category: { name: `Renamed ${id}` } });
	expect(renamed.status).toBe(200);
	expect(sandbox.store.categories.get(id)).toMatchObject({ name: `Renamed ${id}`, updatedAt: '2026-06-15T12:00:00Z' });
	const deleted = await api.delete(`/invoice_item_categories/${id}`);
	expect(deleted.status).toBe(400);
	expect(deleted.json()).toEqual({ message: `"Renamed ${id}" is a default category: it can be renamed but not deleted` });
	expect(sandbox.store.categories.has(id)).toBe(true);
	const xmlDelete = await harvest(sandbox, { format: 'xml' }).delete(`/invoice_item_categories/${id}`);
	expect(xmlDelete.text).toContain('<error>\n  <message>"Renamed');
});

test('custom category: create (201 + Location), read, rename, use in line items, delete (200), then 404', async () => {
	const created = await api.post('/invoice_item_categories', { invoice_item_category: { name: 'Travel' } });
	expect(created.status).toBe(201);
	const id = idFromLocation(created);
	expect(created.headers.location).toBe(`/invoice_item_categories/${id}`);
	expect((await api.get(`/invoice_item_categories/${id}`)).json()).toEqual({
		invoice_category: { id, name: 'Travel', created_at: '2026-06-15T12:00:00Z', updated_at: '2026-06-15T12:00:00Z', use_as_service: false, use_as_expense: false },
	});
	expect((await api.post('/invoices', { invoice: { client_id: 1001, csv_line_items: csv('Travel,Train,1,80,80,false,false,') } })).status).toBe(201);
	expect((await api.put(`/invoice_item_categories/${id}`, { invoice_item_category: { name: 'Trips' } })).status).toBe(200);
	expect((await api.delete(`/invoice_item_categories/${id}`)).status).toBe(200);
	expect((await api.get(`/invoice_item_categories/${id}`)).status).toBe(404);
	expect((await api.put(`/invoice_item_categories/${id}`, { invoice_item_category: { name: 'Again' } })).status).toBe(404);
	expect((await api.delete(`/invoice_item_categories/${id}`)).status).toBe(404);
});

test('renaming a category renames the kind of its line items, so csv-line-items read back stays valid', async () => {
	const id = await createDraft(sandbox, api, { csv_line_items: csv('Service,Work,1,10,10,false,false,', 'Product,Thing,1,5,5,false,false,') });
	await api.put('/invoice_item_categories/1', { invoice_item_category: { name: 'Hours' } });
	const invoice = sandbox.store.invoices.get(id) as Invoice;
	expect(invoice.lineItems.map((item) => item.kind)).toEqual(['Hours', 'Product']);
	const text = (await api.get(`/invoices/${id}`)).json().invoice.csv_line_items;
	expect((await api.put(`/invoices/${id}`, { invoice: { csv_line_items: text } })).status).toBe(200);
	expect((await api.put(`/invoices/${id}`, { invoice: { csv_line_items: csv('Service,Old name,1,1,1,false,false,') } })).status).toBe(422);
});

test.each([
	[{ invoice_item_category: { name: '' } }, "Name can't be blank"],
	[{ invoice_item_category: {} }, "Name can't be blank"],
	[{ name: 'Unwrapped' }, "Name can't be blank"],
	[{ invoice_item_category: { name: 'service' } }, 'Name "service" has already been taken'],
])('create %j -> 422', async (body, message) => {
	const response = await api.post('/invoice_item_categories', body);
	expect(response.status).toBe(422);
	expect(response.json()).toEqual({ message });
});

test('XML create and rename; "invoice_category" is accepted as a wrapper too', async () => {
	const xml = harvest(sandbox, { format: 'xml' });
	const created = await xml.post('/invoice_item_categories', '<invoice-item-category><name>Entertainment</name></invoice-item-category>');
	const id = idFromLocation(created);
	await xml.put(`/invoice_item_categories/${id}`, '<invoice-item-category><name>Fun</name></invoice-item-category>');
	expect(sandbox.store.categories.get(id)?.name).toBe('Fun');
	await api.put(`/invoice_item_categories/${id}`, { invoice_category: { name: 'More fun' } });
	expect(sandbox.store.categories.get(id)?.name).toBe('More fun');
	expect((await xml.get('/invoice_item_categories')).text).toContain('<name>More fun</name>');
});
