import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, openInvoice, operationRunner } from '../operationKit';

// An answer is trusted only when it is one of Harvest's own records: anything else (an
// entity-expanding document, a sign-in page, something huge) is an error, never an item.
describe.each(EACH_WIRE)('Answers that are not Harvest records (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let get: (invoiceId: number) => Promise<unknown>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		const run = operationRunner(sandbox, 'invoice', wire);
		get = async (invoiceId) => await run('get', { invoiceId: byId(invoiceId) });
	});
	afterAll(async () => await sandbox.stop());
	afterEach(() => sandbox.clearFaults());

	it('refuses a document with a DOCTYPE instead of expanding its entities (60 KB must not become 224 MB)', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.setFault({ kind: 'entities', method: 'GET', path: wire.path('/invoices/:id') });
		// v2 reads JSON only: the XML is refused as not JSON, nothing is expanded.
		await expect(get(invoiceId)).rejects.toMatchObject(
			wire.api === 'v1'
				? { message: 'Harvest sent an answer that could not be read', description: expect.stringContaining('declares a DOCTYPE') }
				: { description: expect.stringContaining('could not be read as Harvest v2 JSON') },
		);
	});

	it('refuses an HTML sign-in page answered with 200', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.setFault({ kind: 'loginPage', method: 'GET', path: wire.path('/invoices/:id') });
		await expect(get(invoiceId)).rejects.toMatchObject({
			message: 'Harvest answered with a web page instead of data (HTTP 200)',
			description: expect.stringContaining('Custom Base URL'),
		});
	});

	it('refuses an answer larger than 10 MB, saying so', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.setFault({ kind: 'oversized', method: 'GET', path: wire.path('/invoices/:id'), phase: 'after' });
		await expect(get(invoiceId)).rejects.toThrow('Harvest sent an answer larger than 10 MB');
	});

	it('still reads a normal answer', async () => {
		const invoiceId = await openInvoice(sandbox);
		await expect(get(invoiceId)).resolves.toEqual([expect.objectContaining({ json: expect.objectContaining({ id: invoiceId }) })]);
	});
});
