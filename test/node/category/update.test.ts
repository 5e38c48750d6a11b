import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Category > Update (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 0, throttle: false });
		run = operationRunner(sandbox, 'category', wire);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('renames a default category and outputs it read back', async () => {
		const items = await run('update', { categoryId: '1', name: 'Consulting' });
		expect(items).toEqual([
			{ json: expect.objectContaining({ id: 1, name: 'Consulting', use_as_service: true }), pairedItem: { item: 0 } },
		]);
		expect(received(sandbox)).toEqual([
			{
				method: wire.updateMethod,
				path: wire.path('/invoice_item_categories/1'),
				body: wire.body('invoice_item_category', { name: 'Consulting' }),
			},
			...wire.readBack('/invoice_item_categories'),
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
