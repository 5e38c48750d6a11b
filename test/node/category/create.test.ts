import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, operationRunner, received } from '../operationKit';

describe.each(EACH_WIRE)('Category > Create (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 0, throttle: false });
		run = operationRunner(sandbox, 'category', wire);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('creates the category and outputs it read back', async () => {
		const items = await run('create', { name: '  Travel ' });
		const created = [...sandbox.store.categories.values()].find((category) => category.name === 'Travel');
		expect(items).toEqual([
			{
				json: expect.objectContaining({ id: created?.id, name: 'Travel', use_as_service: false, use_as_expense: false }),
				pairedItem: { item: 0 },
			},
		]);
		expect(received(sandbox)).toEqual([
			{ method: 'POST', path: wire.path('/invoice_item_categories'), body: wire.body('invoice_item_category', { name: 'Travel' }) },
			...wire.readBack('/invoice_item_categories'),
		]);
	});

	it("shows Harvest's refusal of a name already taken", async () => {
		await expect(run('create', { name: 'service' })).rejects.toThrow('Harvest could not accept the data (HTTP 422)');
	});

	it('refuses an empty name before any request', async () => {
		await expect(run('create', { name: '   ' })).rejects.toThrow('Name must not be empty');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
