import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, runInvoice } from './invoiceRun';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

describe.each(EACH_WIRE)('Invoice > Create without line items (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let clientId: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 2, throttle: false });
		clientId = String([...sandbox.store.clients.keys()][0]);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it.each([
		['no line in the editor', { lineItemsInput: 'editor' }, 'Line Items is empty: a free-form invoice needs at least one line item'],
		['raw CSV with only the header', { lineItemsInput: 'csv', csvLineItems: HEADER }, 'Line Items (CSV) has no line item'],
	])('refuses a free-form invoice with %s, sending nothing', async (_case, parameters, message) => {
		const invoicesBefore = sandbox.store.invoices.size;
		await expect(runInvoice(sandbox, wire, 'create', { clientId, kind: 'free_form', ...parameters })).rejects.toThrow(message);
		expect(sandbox.requests()).toHaveLength(0);
		expect(sandbox.store.invoices.size).toBe(invoicesBefore);
	});
});
