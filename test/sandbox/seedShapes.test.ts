/**
 * Every example answer in the seeds, requested from the sandbox in JSON and XML and compared field
 * by field (names, order, types, wrappers); and every request sample, sent as the seed writes it.
 */
import { startSandbox, type Invoice, type Sandbox } from './index';
import { harvest, idFromLocation, type HarvestClient } from './testing/client';
import { compareJsonShapes, compareXmlShapes, fixture, jsonShape, xmlShape, xmlValueProblems } from './testing/shape';

let sandbox: Sandbox;
let json: HarvestClient;
let xml: HarvestClient;
/** A seeded invoice with payments and messages, so every list has an entry to compare. */
let invoice: Invoice;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false });
	json = harvest(sandbox);
	xml = harvest(sandbox, { format: 'xml' });
	invoice = [...sandbox.store.invoices.values()].find(
		(candidate) => candidate.state === 'partial' && sandbox.store.paymentsOf(candidate.id).length > 0,
	) as Invoice;
});
afterAll(() => sandbox.stop());

function expectJsonLike(seedFile: string, actual: unknown, subset = false): void {
	expect(compareJsonShapes(jsonShape(JSON.parse(fixture(seedFile))), jsonShape(actual), subset)).toEqual([]);
}

function expectXmlLike(seedXml: string, actualXml: string, options: { subset?: boolean; looseDateTime?: boolean } = {}): void {
	expect(actualXml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
	expect(compareXmlShapes(xmlShape(seedXml), xmlShape(actualXml), options)).toEqual([]);
	expect(xmlValueProblems(actualXml)).toEqual([]);
}

/** The first entry of a seed's XML list, as a document of its own (for the single-record answers). */
function firstEntry(listXml: string, entry: string): string {
	const match = new RegExp(`<${entry}>[\\s\\S]*?</${entry}>`).exec(listXml.replace(/^[\s\S]*?type="array">/, ''));
	return match ? match[0] : '';
}

describe('answers have the seeds\' shapes', () => {
	test('invoice list (JSON): [{"invoices": {...}}] with client_name, no line items', async () => {
		const response = await json.get('/invoices');
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toMatch(/^application\/json/);
		expectJsonLike('invoices.list.json', response.json());
		expect(response.text).not.toContain('csv_line_items');
	});

	test('invoice list (XML): <invoices type="array"><invoice>', async () => {
		const response = await xml.get('/invoices');
		expect(response.headers['content-type']).toMatch(/^application\/xml/);
		expectXmlLike(fixture('invoices.list.xml'), response.text);
	});

	test('one invoice (JSON and XML) with csv_line_items', async () => {
		expectJsonLike('invoice.one.json', (await json.get(`/invoices/${invoice.id}`)).json());
		expectXmlLike(fixture('invoice.one.xml'), (await xml.get(`/invoices/${invoice.id}`)).text);
	});

	test('messages (JSON [{"message"}] and XML <invoice-message type="array">)', async () => {
		expectJsonLike('messages.list.json', (await json.get(`/invoices/${invoice.id}/messages`)).json());
		expectXmlLike(fixture('messages.list.xml'), (await xml.get(`/invoices/${invoice.id}/messages`)).text);
	});

	test('one message, by the seed\'s singular path /invoices/{id}/message/{mid}', async () => {
		const messageId = sandbox.store.messagesOf(invoice.id)[0].id;
		const jsonAnswer = (await json.get(`/invoices/${invoice.id}/message/${messageId}`)).json();
		expect(compareJsonShapes(jsonShape(JSON.parse(fixture('messages.list.json'))[0]), jsonShape(jsonAnswer))).toEqual([]);
		const seedEntry = firstEntry(fixture('messages.list.xml'), 'invoice-message');
		expectXmlLike(seedEntry, (await xml.get(`/invoices/${invoice.id}/message/${messageId}`)).text);
	});

	test('payments (JSON [{"payment"}] and XML <payments type="array">)', async () => {
		expectJsonLike('payments.list.json', (await json.get(`/invoices/${invoice.id}/payments`)).json());
		expectXmlLike(fixture('payments.list.xml'), (await xml.get(`/invoices/${invoice.id}/payments`)).text);
	});

	test('payments by the 2008 paths (/invoice/{id}/payments, /invoices/{id}/payment/{pid}) cover the older examples', async () => {
		const paymentId = sandbox.store.paymentsOf(invoice.id)[0].id;
		const loose = { subset: true, looseDateTime: true };
		expectXmlLike(fixture('payments.list.2008.xml'), (await xml.get(`/invoice/${invoice.id}/payments`)).text, loose);
		expectXmlLike(fixture('payment.one.2008.xml'), (await xml.get(`/invoices/${invoice.id}/payment/${paymentId}`)).text, loose);
		expectXmlLike(fixture('payment.one.2008.xml'), (await xml.get(`/invoice/${invoice.id}/payment/${paymentId}`)).text, loose);
		const one = (await json.get(`/invoices/${invoice.id}/payments/${paymentId}`)).json();
		expect(compareJsonShapes(jsonShape(JSON.parse(fixture('payments.list.json'))[0]), jsonShape(one))).toEqual([]);
	});

	test('item categories (JSON [{"invoice_category"}] and XML <invoice-item-categories>), with the seed\'s values', async () => {
		const response = await json.get('/invoice_item_categories');
		expectJsonLike('categories.list.json', response.json());
		expect(response.json()).toEqual(JSON.parse(fixture('categories.list.json')));
		expectXmlLike(fixture('categories.list.xml'), (await xml.get('/invoice_item_categories')).text);
	});

	test('values are written as in the seeds: JSON numbers, XML 100.0, dates and datetimes', async () => {
		const free = sandbox.store.invoices.get(idFromLocation(await json.post('/invoices', {
			invoice: { client_id: invoice.clientId, issued_at: '2015-04-22', csv_line_items: 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nProduct,A description,1,100,100,false,false,\n' },
		}))) as Invoice;
		const jsonInvoice = (await json.get(`/invoices/${free.id}`)).json().invoice;
		expect(jsonInvoice).toMatchObject({ amount: 100, due_amount: 100, tax: null, tax_amount: 0, issued_at: '2015-04-22', due_at: '2015-04-22', due_at_human_format: 'upon receipt', number: expect.any(String) });
		expect(jsonInvoice.csv_line_items).toBe('kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nProduct,A description,1.00,100.00,100.0,false,false,\n');
		expect(jsonInvoice.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		expect(jsonInvoice.client_key).toMatch(/^[0-9a-f]{40}$/);
		const xmlText = (await xml.get(`/invoices/${free.id}`)).text;
		expect(xmlText).toContain('<amount type="decimal">100.0</amount>');
		expect(xmlText).toContain('<tax type="decimal" nil="true"/>');
		expect(xmlText).toContain('<tax-amount type="decimal">0.0</tax-amount>');
		expect(xmlText).toContain('<issued-at type="date">2015-04-22</issued-at>');
		expect(xmlText).toContain('<purchase-order></purchase-order>');
		expect(xmlText).toContain('Product,A description,1.00,100.00,100.0,false,false,\n</csv-line-items>');
	});
});

describe('the seeds\' request samples are accepted', () => {
	/** The samples name a client and a project of Harvest's docs; point them at seeded ones. */
	function adapt(sample: string, number: string): string {
		const project = [...sandbox.store.projects.values()][0];
		return sample
			.replace(/1929151/g, String(project.clientId))
			.replace(/12345/g, String(project.id))
			.replace(/82208/g, number);
	}

	test.each([
		['invoice.create.free-form.json', 'json', '9001'],
		['invoice.create.free-form.xml', 'xml', '9002'],
	] as const)('%s: 201, Location, amounts computed (tax 3%% and 5%% on 100 + 200)', async (file, format, number) => {
		const client = format === 'xml' ? xml : json;
		const response = await client.post('/invoices', adapt(fixture(file), number));
		expect(response.status).toBe(201);
		expect(response.headers.location).toMatch(/^\/invoices\/\d+$/);
		const created = (await json.get(String(response.headers.location))).json().invoice;
		expect(created).toMatchObject({ number, amount: 308, tax: 3, tax2: 5, tax_amount: 3, tax2_amount: 5, due_amount: 308, state: 'draft', due_at_human_format: 'upon receipt', issued_at: '2015-04-06', due_at: '2015-04-06' });
		expect(created.csv_line_items).toBe(
			'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nService,A service,1.00,100.00,100.0,true,true,\nProduct,A product,2.00,100.00,200.0,false,false,\n',
		);
	});

	test.each([
		['invoice.create.project.json', 'json', '9003'],
		['invoice.create.project.xml', 'xml', '9004'],
	] as const)('%s: 201 and a project invoice (NET 10)', async (file, format, number) => {
		const response = await (format === 'xml' ? xml : json).post('/invoices', adapt(fixture(file), number));
		expect(response.status).toBe(201);
		const created = sandbox.store.invoices.get(idFromLocation(response)) as Invoice;
		expect(created).toMatchObject({ number, kind: 'project', dueAtHumanFormat: 'NET 10', periodStart: '2015-03-01', periodEnd: '2015-03-31' });
		expect(created.dueAt > created.issuedAt).toBe(true);
	});

	test.each(['json', 'xml'] as const)('message.send.%s: 201 with Location /invoices/{id}/messages/{mid}', async (format) => {
		const response = await (format === 'xml' ? xml : json).post(`/invoices/${invoice.id}/messages`, fixture(`message.send.${format}`));
		expect(response.status).toBe(201);
		expect(response.headers.location).toMatch(new RegExp(`^/invoices/${invoice.id}/messages/\\d+$`));
		const message = sandbox.store.messages.get(idFromLocation(response));
		expect(message).toMatchObject({ body: 'Message body', attachPdf: true, sendMeACopy: true, includePayPalLink: true });
	});

	test.each(['json', 'xml'] as const)('payment.create.%s: 201 with Location /invoices/{id}/payments/{pid}', async (format) => {
		const response = await (format === 'xml' ? xml : json).post(`/invoices/${invoice.id}/payments`, fixture(`payment.create.${format}`));
		expect(response.status).toBe(201);
		expect(response.headers.location).toMatch(new RegExp(`^/invoices/${invoice.id}/payments/\\d+$`));
		expect(response.text).toBe('');
	});

	test.each(['json', 'xml'] as const)('category.create.%s: 201 with Location /invoice_item_categories/{id}', async (format) => {
		sandbox.seed(); // fresh categories: both samples create "Entertainment", and names are unique
		const response = await (format === 'xml' ? xml : json).post('/invoice_item_categories', fixture(`category.create.${format}`));
		expect(response.status).toBe(201);
		expect(response.headers.location).toMatch(/^\/invoice_item_categories\/\d+$/);
		expect(sandbox.store.categories.get(idFromLocation(response))?.name).toBe('Entertainment');
	});
});
