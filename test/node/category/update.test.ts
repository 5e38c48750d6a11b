import { startSandbox, type Sandbox } from '../../sandbox';
import { DATA_FORMATS, operationRunner, received } from '../operationKit';

describe.each(DATA_FORMATS)('Category > Update (%s)', (dataFormat) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 0, throttle: false });
		run = operationRunner(sandbox, 'category', dataFormat);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('renames a default category and outputs it read back', async () => {
		const items = await run('update', { categoryId: '1', name: 'Consulting' });
		expect(items).toEqual([
			{ json: expect.objectContaining({ id: 1, name: 'Consulting', use_as_service: true }), pairedItem: { item: 0 } },
		]);
		expect(received(sandbox)).toEqual([
			{ method: 'PUT', path: '/invoice_item_categories/1', body: { invoice_item_category: { name: 'Consulting' } } },
			{ method: 'GET', path: '/invoice_item_categories', body: null },
		]);
	});

	it('says Harvest found no such category', async () => {
		await expect(run('update', { categoryId: '404', name: 'Gone' })).rejects.toThrow('(HTTP 404)');
	});

	it.each([
		['a Category ID that is not digits', { categoryId: 'Service' }, 'Category must be a Harvest ID'],
		['an empty name', { name: '' }, 'Name must not be empty'],
	])('refuses %s before any request', async (_case, override, message) => {
		await expect(run('update', { categoryId: '2', name: 'Goods', ...override })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
	});
});
