import { startSandbox, type Sandbox } from '../../sandbox';
import { runInvoice, V1_JSON, V2 } from './invoiceRun';

/** More invoices than a function call can take as arguments (issue 10: n8n-core's `push(...list)`). */
const INVOICES = 130_000;

/**
 * Return All over a list too long to be spread into one call: every invoice comes back, once.
 * Harvest's own account sizes reach this; before Get Many had its own operation, n8n's routing
 * spread the whole list into `push` and failed with "Maximum call stack size exceeded".
 */
describe.each([
	[V1_JSON.name, V1_JSON],
	[V2.name, V2],
] as const)('Invoice > Get Many: Return All over 130,000 invoices (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: INVOICES, throttle: false });
	}, 120_000);
	afterAll(async () => await sandbox.stop());

	it('returns every invoice, once each, paired with the input item', async () => {
		const items = await runInvoice(sandbox, wire, 'getAll', { returnAll: true }, { typeVersion: 1 });

		expect(items).toHaveLength(INVOICES);
		const ids = new Set<number>();
		for (const item of items) ids.add(Number(item.json.id));
		expect(ids.size).toBe(INVOICES);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	}, 120_000);
});
