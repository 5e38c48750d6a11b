import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Category > Get Many (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 0, throttle: false });
		run = operationRunner(sandbox, 'category', wire);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('returns every category with Return All, in one request', async () => {
		const items = await run('getAll', { returnAll: true });
		expect(items.map((item) => item.json)).toEqual([
			{
				id: 1,
				name: 'Service',
				created_at: '2016-06-07T10:43:08Z',
				updated_at: '2016-06-07T10:43:08Z',
				use_as_service: true,
				use_as_expense: false,
			},
			expect.objectContaining({ id: 2, name: 'Product', use_as_service: false, use_as_expense: true }),
		]);
		expect(received(sandbox)).toEqual([{ method: 'GET', path: wire.path('/invoice_item_categories'), body: null }]);
	});

	it('cuts the list at Limit (Harvest does not paginate categories)', async () => {
		const items = await run('getAll', { returnAll: false, limit: 1 });
		expect(items.map((item) => item.json.name)).toEqual(['Service']);
		expect(received(sandbox)).toHaveLength(1);
	});
});
