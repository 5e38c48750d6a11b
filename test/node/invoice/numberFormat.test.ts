import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, byId, runInvoice } from './invoiceRun';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

/**
 * Seed 004: in an account whose number format uses a decimal comma, csv-line-items carry quoted
 * comma decimals. The node checks raw CSV and reads Harvest's line items in the account's format,
 * which it asks Harvest for (v1: who_am_i, v2: company) only when a number holds a comma. On v2
 * the lines checked go as numbers.
 */
describe.each(EACH_WIRE)('Invoice line items in a decimal-comma account (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false, decimalSymbol: ',' });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => {
		sandbox.setDecimalSymbol(',');
		sandbox.clearRequests();
	});

	const clientId = () => String([...sandbox.store.clients.keys()][0]);
	const createFromCsv = async (csvLineItems: string) =>
		await runInvoice(sandbox, wire, 'create', { clientId: clientId(), lineItemsInput: 'csv', csvLineItems });
	const requestLine = () => sandbox.requests().map((request) => `${request.method} ${request.path}`);

	it('accepts quoted comma-decimal quantities and prices in raw CSV, and gives them back as numbers', async () => {
		const csv = `${HEADER}\nService,"Design, phase 1","1,5","1.200,50","1.800,75",false,false,\n`;
		const items = await createFromCsv(csv);
		// The account's format is read before anything is written.
		expect(requestLine().slice(0, 2)).toEqual([`GET ${wire.accountPath}`, `POST ${wire.path('/invoices')}`]);
		const sent = {
			v1: { invoice: { client_id: Number(clientId()), kind: 'free_form', csv_line_items: csv } },
			v2: {
				client_id: Number(clientId()),
				line_items: [{ kind: 'Service', description: 'Design, phase 1', quantity: 1.5, unit_price: 1200.5, taxed: false, taxed2: false }],
			},
		}[wire.api];
		expect(sandbox.requests()[1].body).toEqual(sent);
		const id = Number(items[0].json.id);
		expect(sandbox.store.invoices.get(id)?.lineItems[0]).toMatchObject({ quantity: 1.5, unitPrice: 1200.5, amount: 1800.75 });
		expect(items[0].json).toMatchObject(
			wire.invoice({
				csv_line_items: expect.stringContaining('"1,50","1200,50","1800,75"'),
				line_items: [
					{ kind: 'Service', description: 'Design, phase 1', quantity: 1.5, unit_price: 1200.5, amount: 1800.75, taxed: false, taxed2: false, project_id: null },
				],
			}),
		);
	});

	// v1 only: v2's line items are JSON numbers, there is no CSV to read in the account's format.
	if (wire.api === 'v1') it("reads Harvest's line items in the account's format on Get", async () => {
		const invoice = [...sandbox.store.invoices.values()][0];
		const items = await runInvoice(sandbox, wire, 'get', { invoiceId: byId(invoice.id) });
		expect((items[0].json.line_items as IDataObject[]).map((line) => [line.quantity, line.unit_price, line.amount])).toEqual(
			invoice.lineItems.map((line) => [line.quantity, line.unitPrice, line.amount]),
		);
		expect(requestLine()).toEqual([`GET /invoices/${invoice.id}`, 'GET /account/who_am_i']);
	});

	it('refuses a comma decimal before anything is written when the account uses a decimal point', async () => {
		sandbox.setDecimalSymbol('.');
		await expect(createFromCsv(`${HEADER}\nService,Work,"1,5",100,150,false,false,\n`)).rejects.toThrow(
			/Line Items \(CSV\) is not usable: line 2: quantity "1,5" is not a number \(this Harvest account writes numbers with a decimal point/,
		);
		expect(requestLine()).toEqual([`GET ${wire.accountPath}`]);
	});
});
