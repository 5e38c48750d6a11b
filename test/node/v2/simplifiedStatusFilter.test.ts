import { startSandbox, type Sandbox } from '../../sandbox';
import { v2Runner } from './v2Run';

/**
 * v2 has no partial, unpaid or past-due state: the node keeps those invoices from the full
 * records (amounts, due date). Simplify must cut the items after that choice, not before it:
 * under n8n's routing it ran on every page first, and Past Due with Simplify returned nothing.
 */
describe('Invoice > Get Many on v2: Simplify after the status filter', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 300, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it.each(['pastdue', 'partial', 'unpaid'])('returns the same invoices for %s with Simplify on as with it off', async (status) => {
		const run = v2Runner(sandbox);
		const ids = async (simple: boolean) =>
			(await run('invoice', 'getAll', { returnAll: true, simple, filters: { status } }, { typeVersion: 2 })).map((item) => item.json.id);
		const full = await ids(false);
		expect(full.length).toBeGreaterThan(0);
		expect(await ids(true)).toEqual(full);
	});
});
