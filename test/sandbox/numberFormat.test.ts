/**
 * Seed 004: csv-line-items fields are quoted when they hold commas, "especially if you are using a
 * number format which uses commas as the decimal separator". The account's format is who_am_i's
 * decimal-symbol; the sandbox reads and writes csv-line-items with it.
 */
import { startSandbox, type Sandbox } from './index';
import { harvest, idFromLocation, type HarvestClient } from './testing/client';
import { csv, someClientId } from './testing/invoices';

let sandbox: Sandbox;
let api: HarvestClient;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 0, decimalSymbol: ',' });
	api = harvest(sandbox);
});
afterAll(() => sandbox.stop());

const create = (lines: string) => api.post('/invoices', { invoice: { client_id: someClientId(sandbox), csv_line_items: lines } });

test('who_am_i reports the configured decimal symbol and its thousands separator', async () => {
	const { company } = (await api.get('/account/who_am_i')).json();
	expect(company).toMatchObject({ decimal_symbol: ',', thousands_separator: '.' });
});

test('quoted comma-decimal quantities and prices are read the account\'s way, and written back that way', async () => {
	const response = await create(csv('Service,"Design, phase 1","1,5","1.200,50","1.800,75",false,false,', 'Product,Box,2.5,10,25,false,false,'));
	expect(response.status).toBe(201);
	const id = idFromLocation(response);
	expect(sandbox.store.invoices.get(id)?.lineItems.map(({ quantity, unitPrice, amount }) => [quantity, unitPrice, amount])).toEqual([
		[1.5, 1200.5, 1800.75],
		[2.5, 10, 25],
	]);
	expect(sandbox.store.invoices.get(id)?.amount).toBe(1825.75);
	const { invoice } = (await api.get(`/invoices/${id}`)).json();
	expect(invoice.csv_line_items).toBe(csv('Service,"Design, phase 1","1,50","1200,50","1800,75",false,false,', 'Product,Box,"2,50","10,00","25,0",false,false,'));
});

test('an unquoted comma decimal splits the row: a 422 naming the line', async () => {
	const response = await create(csv('Service,Work,1,5,100,150,false,false,'));
	expect(response.status).toBe(422);
	expect(response.json().message).toMatch(/line 2/);
});

test('with the default decimal point a comma is a thousands separator, as before', async () => {
	sandbox.setDecimalSymbol('.');
	try {
		const id = idFromLocation(await create(csv('Service,Work,1,"1,200.50",,false,false,')));
		expect(sandbox.store.invoices.get(id)?.lineItems[0].unitPrice).toBe(1200.5);
		expect((await api.get('/account/who_am_i')).json().company).toMatchObject({ decimal_symbol: '.', thousands_separator: ',' });
	} finally {
		sandbox.setDecimalSymbol(',');
	}
});
