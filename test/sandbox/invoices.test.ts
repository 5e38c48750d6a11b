/** Invoices: create, read, update, delete; amounts, numbers, due dates, csv-line-items, imports. */
import { startSandbox, type Invoice, type Sandbox } from './index';
import { harvest, idFromLocation, send, type HarvestClient } from './testing/client';
import { createDraft, createOpen, csv, CSV_HEADER, someClientId } from './testing/invoices';

let sandbox: Sandbox;
let api: HarvestClient;
let xml: HarvestClient;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false });
	api = harvest(sandbox);
	xml = harvest(sandbox, { format: 'xml' });
});
afterAll(() => sandbox.stop());

const stored = (id: number) => sandbox.store.invoices.get(id) as Invoice;

describe('create', () => {
	test('201 with Location /invoices/{id} and no body; a draft with generated number, key and dates', async () => {
		const response = await api.post('/invoices', { invoice: { client_id: someClientId(sandbox), due_at_human_format: 'NET 15' } });
		expect(response.status).toBe(201);
		expect(response.headers.location).toBe(`/invoices/${idFromLocation(response)}`);
		expect(response.text).toBe('');
		const invoice = (await api.get(String(response.headers.location))).json().invoice;
		const client = sandbox.store.clients.get(someClientId(sandbox));
		expect(invoice).toMatchObject({
			state: 'draft', issued_at: '2026-06-15', due_at: '2026-06-30', due_at_human_format: 'NET 15', currency: client?.currency,
			created_at: '2026-06-15T12:00:00Z', updated_at: '2026-06-15T12:00:00Z', amount: 0, due_amount: 0, created_by_id: 5001,
			csv_line_items: `${CSV_HEADER}\n`,
		});
		expect(invoice.client_key).toMatch(/^[0-9a-f]{40}$/);
	});

	test('number: the highest numeric number + 1 when absent; a taken number is a 422', async () => {
		const highest = Math.max(...[...sandbox.store.invoices.values()].map((invoice) => Number(invoice.number) || 0));
		const id = await createDraft(sandbox, api);
		expect(stored(id).number).toBe(String(highest + 1));
		const taken = await api.post('/invoices', { invoice: { client_id: someClientId(sandbox), number: stored(id).number } });
		expect(taken.status).toBe(422);
		expect(taken.json()).toEqual({ message: `Number ${stored(id).number} has already been taken` });
	});

	test.each([
		['NET 10', '2026-06-25', 'NET 10'],
		['net 0', '2026-06-15', 'NET 0'],
		['upon receipt', '2026-06-15', 'upon receipt'],
		['due upon receipt', '2026-06-15', 'upon receipt'],
	])('due-at-human-format %s -> due-at %s', async (format, dueAt, shown) => {
		const id = await createDraft(sandbox, api, { due_at_human_format: format });
		expect(stored(id)).toMatchObject({ dueAt, dueAtHumanFormat: shown });
	});

	test.each([
		[{ client_id: undefined }, "Client-id can't be blank"],
		[{ client_id: 999999 }, 'Client 999999 does not exist'],
		[{ due_at_human_format: 'whenever' }, 'Due-at-human-format "whenever" is not valid: use "NET N" or "upon receipt"'],
		[{ kind: 'hourly' }, 'Kind "hourly" is not valid: use free_form, project, task, people or detailed'],
		[{ issued_at: '2026-02-30' }, 'Issued-at must be a date (YYYY-MM-DD)'],
		[{ tax: 'ten' }, 'Tax must be a number'],
		[{ discount: 120 }, 'Discount must be a percentage from 0 to 100'],
	])('422 with a message: %j', async (fields, message) => {
		const response = await api.post('/invoices', { invoice: { client_id: someClientId(sandbox), ...fields } });
		expect(response.status).toBe(422);
		expect(response.json()).toEqual({ message });
	});

	test('a 422 in XML is <error><message>...</message></error>', async () => {
		const response = await xml.post('/invoices', '<invoice><client-id type="integer">999999</client-id></invoice>');
		expect(response.status).toBe(422);
		expect(response.text).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<error>\n  <message>Client 999999 does not exist</message>\n</error>\n');
	});

	test('a body without the {"invoice": ...} wrapper counts as empty, like Harvest', async () => {
		const response = await api.post('/invoices', { client_id: someClientId(sandbox) });
		expect(response.status).toBe(422);
		expect(response.json().message).toBe("Client-id can't be blank");
	});

	test('kebab-case JSON keys and kind free-form are accepted', async () => {
		const response = await api.post('/invoices', { invoice: { 'client-id': someClientId(sandbox), kind: 'free-form', 'purchase-order': 'PO-1' } });
		expect(response.status).toBe(201);
		expect(stored(idFromLocation(response))).toMatchObject({ kind: 'free_form', purchaseOrder: 'PO-1' });
	});

	test('a body that is not JSON (or not XML) is a 400', async () => {
		expect((await api.post('/invoices', '{"invoice": ')).status).toBe(400);
		const broken = await xml.post('/invoices', '<invoice><client-id>1</invoice>');
		expect(broken.status).toBe(400);
		expect(broken.text).toContain('<message>The request body is not valid XML');
	});

	test('amounts: discount on the subtotal, taxes on the taxed lines after discount', async () => {
		const id = await createDraft(sandbox, api, {
			tax: 10, tax2: 5, discount: 10,
			csv_line_items: csv('Service,Design,2,50,100.0,true,false,', 'Product,License,1,200,200.0,false,true,', 'Service,Call,0.5,33.33,,true,true,'),
		});
		// subtotal 100 + 200 + 16.67 = 316.67; discount 31.67; tax 10% of (116.67 x 0.9) = 10.50;
		// tax2 5% of (216.67 x 0.9) = 9.75; total 316.67 - 31.67 + 10.50 + 9.75 = 305.25
		expect(stored(id)).toMatchObject({ discountAmount: 31.67, taxAmount: 10.5, tax2Amount: 9.75, amount: 305.25, dueAmount: 305.25 });
		expect(stored(id).lineItems[2]).toMatchObject({ quantity: 0.5, unitPrice: 33.33, amount: 16.67 });
	});
});

describe('csv-line-items', () => {
	test('RFC 4180: commas, quotes and line breaks in descriptions are quoted and come back intact', async () => {
		const id = await createDraft(sandbox, api, {
			csv_line_items: csv('Service,"Design, round 2",1,10,10,false,false,', 'Product,"The ""Pro"" plan",1,20,20,false,false,', 'Service,"Two\nlines",1,30,30,true,false,'),
		});
		const text = (await api.get(`/invoices/${id}`)).json().invoice.csv_line_items;
		expect(text).toBe(csv(
			'Service,"Design, round 2",1.00,10.00,10.0,false,false,',
			'Product,"The ""Pro"" plan",1.00,20.00,20.0,false,false,',
			'Service,"Two\nlines",1.00,30.00,30.0,true,false,',
		));
		expect(stored(id).lineItems.map((item) => item.description)).toEqual(['Design, round 2', 'The "Pro" plan', 'Two\nlines']);
		// Sending back what was read changes nothing.
		expect((await api.put(`/invoices/${id}`, { invoice: { csv_line_items: text } })).status).toBe(200);
		expect((await api.get(`/invoices/${id}`)).json().invoice.csv_line_items).toBe(text);
	});

	test('a project id fills the last field; a row without one ends with a comma; CRLF is accepted', async () => {
		const project = [...sandbox.store.projects.values()][0];
		const id = await createDraft(sandbox, api, { csv_line_items: `${CSV_HEADER}\r\nService,A,1,1,1,false,false,${project.id}\r\nProduct,B,1,1,1,false,false\r\n` });
		expect(stored(id).lineItems.map((item) => item.projectId)).toEqual([project.id, null]);
		expect((await api.get(`/invoices/${id}`)).json().invoice.csv_line_items).toBe(csv(`Service,A,1.00,1.00,1.0,false,false,${project.id}`, 'Product,B,1.00,1.00,1.0,false,false,'));
	});

	test.each([
		['kind,description,qty,unit_price,amount,taxed,taxed2,project_id\nService,A,1,1,1,false,false,\n', 'csv-line-items must start with the header kind,description,quantity,unit_price,amount,taxed,taxed2,project_id'],
		['Service,A,1,1,1,false,false,\n', 'csv-line-items must start with the header kind,description,quantity,unit_price,amount,taxed,taxed2,project_id'],
		[csv('Service,"unclosed,1,1,1,false,false,'), 'csv-line-items is not valid CSV: A quoted field is not closed'],
		[csv('Service,A,one,1,1,false,false,'), 'csv-line-items line 2: quantity "one" is not a number'],
		[csv('Travel,A,1,1,1,false,false,'), 'csv-line-items line 2: "Travel" is not an item category'],
		[csv('Service,A,1,1,1,yes,false,'), 'csv-line-items line 2: taxed must be true or false, not "yes"'],
		[csv('Service,A,1,1,1,false,false,999999'), 'csv-line-items line 2: project 999999 does not exist'],
		[csv('Service,A,1,1'), 'csv-line-items line 2 has 4 fields instead of 8'],
	])('a damaged csv is a 422 and leaves the line items as they were: %j', async (text, message) => {
		const id = await createDraft(sandbox, api);
		const before = structuredClone(stored(id).lineItems);
		const response = await api.put(`/invoices/${id}`, { invoice: { csv_line_items: text, subject: 'not applied either' } });
		expect(response.status).toBe(422);
		expect(response.json().message).toBe(message);
		expect(stored(id).lineItems).toEqual(before);
		expect(stored(id).subject).toBe('');
	});
});

describe('update', () => {
	test('200 with Location; only the fields sent change; line items are kept without csv-line-items; updated-at bumped', async () => {
		const id = await createDraft(sandbox, api, { subject: 'Old', notes: 'keep me' });
		const items = structuredClone(stored(id).lineItems);
		sandbox.advanceClock(90_000);
		const response = await api.put(`/invoices/${id}`, { invoice: { subject: 'New', purchase_order: 'PO-9' } });
		expect(response.status).toBe(200);
		expect(response.headers.location).toBe(`/invoices/${id}`);
		expect(stored(id)).toMatchObject({ subject: 'New', notes: 'keep me', purchaseOrder: 'PO-9', lineItems: items, amount: 1000 });
		expect(stored(id).updatedAt).toBe(new Date(sandbox.now()).toISOString().slice(0, 19) + 'Z');
		expect(stored(id).updatedAt > stored(id).createdAt).toBe(true);
	});

	test('csv-line-items replaces every line item and the amounts follow', async () => {
		const id = await createDraft(sandbox, api, { csv_line_items: csv('Service,A,1,10,10,false,false,', 'Service,B,1,10,10,false,false,') });
		await api.put(`/invoices/${id}`, { invoice: { csv_line_items: csv('Product,C,3,7,21,false,false,') } });
		expect(stored(id).lineItems.map((item) => item.description)).toEqual(['C']);
		expect(stored(id)).toMatchObject({ amount: 21, dueAmount: 21 });
	});

	test('a new issued-at moves due-at by the same NET; a new NET moves it too; an explicit due-at is "custom"', async () => {
		const id = await createDraft(sandbox, api, { issued_at: '2026-01-01', due_at_human_format: 'NET 30' });
		await api.put(`/invoices/${id}`, { invoice: { issued_at: '2026-02-01' } });
		expect(stored(id)).toMatchObject({ dueAt: '2026-03-03', dueAtHumanFormat: 'NET 30' });
		await api.put(`/invoices/${id}`, { invoice: { due_at_human_format: 'NET 5' } });
		expect(stored(id).dueAt).toBe('2026-02-06');
		await api.put(`/invoices/${id}`, { invoice: { due_at: '2026-04-01' } });
		expect(stored(id)).toMatchObject({ dueAt: '2026-04-01', dueAtHumanFormat: 'custom' });
	});

	test('a paid invoice whose amount grows becomes partial; an amount below the payments is a 422', async () => {
		const id = await createOpen(sandbox, api, [1000]);
		expect(stored(id).state).toBe('paid');
		await api.put(`/invoices/${id}`, { invoice: { csv_line_items: csv('Service,Work,12,100,1200,false,false,') } });
		expect(stored(id)).toMatchObject({ state: 'partial', amount: 1200, dueAmount: 200 });
		const lower = await api.put(`/invoices/${id}`, { invoice: { csv_line_items: csv('Service,Work,1,100,100,false,false,') } });
		expect(lower.status).toBe(422);
		expect(lower.json().message).toBe('The new amount (100) is less than the payments recorded (1000)');
		expect(stored(id).amount).toBe(1200);
	});

	test('XML update with typed elements', async () => {
		const id = await createDraft(sandbox, api);
		const response = await xml.put(`/invoices/${id}`, '<invoice><tax type="decimal">10.0</tax><notes>From XML</notes><discount type="decimal" nil="true"/></invoice>');
		expect(response.status).toBe(200);
		expect(stored(id)).toMatchObject({ tax: 10, notes: 'From XML', discount: null, amount: 1000 });
	});
});

describe('delete and 404', () => {
	test('DELETE answers 200; the invoice, its payments and messages are gone', async () => {
		const id = await createOpen(sandbox, api, [100]);
		expect((await api.delete(`/invoices/${id}`)).status).toBe(200);
		expect(sandbox.store.invoices.has(id)).toBe(false);
		expect(sandbox.store.paymentsOf(id)).toEqual([]);
		expect(sandbox.store.messagesOf(id)).toEqual([]);
		expect((await api.get(`/invoices/${id}`)).status).toBe(404);
	});

	test.each([
		['GET', '/invoices/999999'], ['PUT', '/invoices/999999'], ['DELETE', '/invoices/999999'], ['GET', '/invoices/abc'],
		['GET', '/invoices/999999/payments'], ['GET', '/invoices/999999/messages'], ['POST', '/invoices/999999/messages/mark_as_sent'],
		['GET', '/nowhere'], ['PATCH', '/invoices'],
	])('%s %s -> 404 with a message', async (method, path) => {
		const response = await send(`${sandbox.url}${path}`, method, { body: method === 'GET' || method === 'DELETE' ? undefined : '{}', headers: { Authorization: 'Bearer demo-token' } });
		expect(response.status).toBe(404);
		expect(response.json()).toEqual({ message: expect.any(String) });
	});

	test('the payment or message of another invoice is a 404', async () => {
		const first = await createOpen(sandbox, api, [10]);
		const second = await createOpen(sandbox, api);
		const paymentId = sandbox.store.paymentsOf(first)[0].id;
		const messageId = sandbox.store.messagesOf(first)[0].id;
		expect((await api.get(`/invoices/${second}/payments/${paymentId}`)).status).toBe(404);
		expect((await api.delete(`/invoices/${second}/payments/${paymentId}`)).status).toBe(404);
		expect((await api.get(`/invoices/${second}/messages/${messageId}`)).status).toBe(404);
		expect((await api.delete(`/invoices/${second}/messages/${messageId}`)).status).toBe(404);
	});
});

describe('invoices from hours and expenses', () => {
	/** A project whose unbilled entries span several tasks and people. */
	function richProject() {
		const projects = [...sandbox.store.projects.values()];
		const unbilled = (projectId: number) => [...sandbox.store.timeEntries.values()].filter((entry) => entry.projectId === projectId && entry.invoiceId === null);
		const project = projects.find((candidate) => new Set(unbilled(candidate.id).map((entry) => entry.taskId)).size > 1 && new Set(unbilled(candidate.id).map((entry) => entry.userId)).size > 1);
		if (!project) throw new Error('no suitable project in the seed');
		return { project, hours: unbilled(project.id), expenses: [...sandbox.store.expenseEntries.values()].filter((entry) => entry.projectId === project.id && entry.invoiceId === null) };
	}

	beforeEach(() => sandbox.seed());

	test.each([
		['project', (entries: { taskId: number; userId: number }[]) => (entries.length ? 1 : 0)],
		['task', (entries: { taskId: number }[]) => new Set(entries.map((entry) => entry.taskId)).size],
		['people', (entries: { userId: number }[]) => new Set(entries.map((entry) => entry.userId)).size],
		['detailed', (entries: unknown[]) => entries.length],
	] as const)('kind %s: hours grouped as the kind says, priced at the project rate, then marked billed', async (kind, expectedLines) => {
		const { project, hours } = richProject();
		const response = await api.post('/invoices', { invoice: { client_id: project.clientId, kind, projects_to_invoice: String(project.id), import_hours: 'all', import_expenses: 'no' } });
		expect(response.status).toBe(201);
		const invoice = stored(idFromLocation(response));
		expect(invoice.lineItems).toHaveLength(expectedLines(hours));
		const totalHours = hours.reduce((sum, entry) => sum + entry.hours, 0);
		expect(invoice.lineItems.reduce((sum, item) => sum + item.quantity, 0)).toBeCloseTo(totalHours, 6);
		expect(invoice.lineItems.every((item) => item.unitPrice === project.hourlyRate && item.projectId === project.id && item.kind === 'Service')).toBe(true);
		expect(invoice.amount).toBeCloseTo(totalHours * project.hourlyRate, 2);
		expect(hours.every((entry) => entry.invoiceId === invoice.id)).toBe(true);
		if (kind === 'detailed') expect(hours.every((entry) => invoice.lineItems.some((item) => item.description.endsWith(entry.notes)))).toBe(true);
		// Billed hours are not imported twice.
		const again = await api.post('/invoices', { invoice: { client_id: project.clientId, kind, projects_to_invoice: String(project.id), import_hours: 'all' } });
		expect(stored(idFromLocation(again)).lineItems).toEqual([]);
	});

	test('import yes: only the entries inside the periods; expenses as Product lines by expense-summary-type', async () => {
		const { project, hours, expenses } = richProject();
		const dates = hours.map((entry) => entry.spentAt).sort();
		const [start, end] = [dates[1], dates[dates.length - 2]];
		const response = await api.post('/invoices', { invoice: {
			client_id: project.clientId, kind: 'task', projects_to_invoice: `${project.id}`, import_hours: 'yes', period_start: start, period_end: end,
			import_expenses: 'all', expense_summary_type: 'detailed',
		} });
		const invoice = stored(idFromLocation(response));
		const inPeriod = hours.filter((entry) => entry.spentAt >= start && entry.spentAt <= end);
		const hourLines = invoice.lineItems.filter((item) => item.kind === 'Service');
		const expenseLines = invoice.lineItems.filter((item) => item.kind === 'Product');
		expect(hourLines.reduce((sum, item) => sum + item.quantity, 0)).toBeCloseTo(inPeriod.reduce((sum, entry) => sum + entry.hours, 0), 6);
		expect(expenseLines).toHaveLength(expenses.length);
		expect(expenseLines.reduce((sum, item) => sum + item.amount, 0)).toBeCloseTo(expenses.reduce((sum, entry) => sum + entry.totalCost, 0), 2);
		expect(invoice).toMatchObject({ periodStart: start, periodEnd: end, kind: 'task' });
	});

	test('replacing the line items (csv-line-items) unlinks the imported hours: they are unbilled again', async () => {
		const { project, hours } = richProject();
		const id = idFromLocation(await api.post('/invoices', { invoice: { client_id: project.clientId, kind: 'project', projects_to_invoice: `${project.id}`, import_hours: 'all' } }));
		expect(hours.every((entry) => entry.invoiceId === id)).toBe(true);
		const current = (await api.get(`/invoices/${id}`)).json().invoice.csv_line_items as string;
		expect((await api.put(`/invoices/${id}`, { invoice: { csv_line_items: current } })).status).toBe(200);
		expect(hours.every((entry) => entry.invoiceId === null)).toBe(true);
	});

	test('deleting the invoice makes its hours billable again', async () => {
		const { project, hours } = richProject();
		const id = idFromLocation(await api.post('/invoices', { invoice: { client_id: project.clientId, kind: 'project', projects_to_invoice: `${project.id}`, import_hours: 'all' } }));
		await api.delete(`/invoices/${id}`);
		expect(hours.every((entry) => entry.invoiceId === null)).toBe(true);
	});

	test.each([
		[{ projects_to_invoice: '' }, "Projects-to-invoice can't be blank for a project invoice"],
		[{ projects_to_invoice: '1,x' }, 'Projects-to-invoice "1,x" must be comma-separated project ids'],
		[{ projects_to_invoice: '999999' }, 'Project 999999 in projects-to-invoice does not exist'],
		[{ import_hours: 'yes' }, 'period-start and period-end are required to import with "yes"'],
		[{ import_hours: 'some' }, 'import-hours must be all, yes or no'],
	])('422: %j', async (fields, message) => {
		const { project } = richProject();
		const response = await api.post('/invoices', { invoice: { client_id: project.clientId, kind: 'project', projects_to_invoice: `${project.id}`, ...fields } });
		expect(response.status).toBe(422);
		expect(response.json().message).toBe(message);
	});

	test('a project of another client is refused', async () => {
		const project = [...sandbox.store.projects.values()][0];
		const otherClient = [...sandbox.store.clients.keys()].find((id) => id !== project.clientId);
		const response = await api.post('/invoices', { invoice: { client_id: otherClient, kind: 'people', projects_to_invoice: `${project.id}`, import_hours: 'all' } });
		expect(response.status).toBe(422);
		expect(response.json().message).toBe(`Project ${project.id} in projects-to-invoice belongs to another client`);
	});
});
