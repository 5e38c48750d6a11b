/** v2 invoices: record shape, page-based pagination, filters, create/PATCH/DELETE, and the data shared with v1. */
import { startSandbox, type Invoice, type Sandbox } from './index';
import { harvest, harvestV2, walkV2, type HarvestV2Client } from './testing/client';

let sandbox: Sandbox;
let api: HarvestV2Client;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 230 });
	api = harvestV2(sandbox);
});
afterAll(() => sandbox.stop());

const INVOICE_KEYS = [
	'id', 'client_key', 'number', 'purchase_order', 'amount', 'due_amount', 'tax', 'tax_amount', 'tax2', 'tax2_amount', 'discount',
	'discount_amount', 'subject', 'notes', 'currency', 'state', 'period_start', 'period_end', 'issue_date', 'due_date', 'payment_term',
	'payment_options', 'sent_at', 'paid_at', 'paid_date', 'closed_at', 'recurring_invoice_id', 'created_at', 'updated_at', 'client',
	'estimate', 'retainer', 'creator', 'line_items',
];
const LINE_ITEM_KEYS = ['id', 'kind', 'description', 'quantity', 'unit_price', 'amount', 'taxed', 'taxed2', 'project'];
const ENVELOPE_KEYS = ['per_page', 'total_pages', 'total_entries', 'next_page', 'previous_page', 'page', 'links'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const stored = (id: number) => sandbox.store.invoices.get(id) as Invoice;
const clientId = () => [...sandbox.store.clients.keys()][0];
const line = { kind: 'Service', description: 'Work', quantity: 10, unit_price: 100 };

async function create(body: Record<string, unknown>) {
	const response = await api.post('/invoices', { client_id: clientId(), line_items: [line], ...body });
	if (response.status !== 201) throw new Error(`create: ${response.status} ${response.text}`);
	return response.json();
}

describe('shape', () => {
	test('a list entry has the documented v2 fields, line items included; the envelope too', async () => {
		const response = await api.get('/invoices?per_page=5');
		expect(response.status).toBe(200);
		const body = response.json();
		expect(Object.keys(body)).toEqual(['invoices', ...ENVELOPE_KEYS]);
		const [invoice] = body.invoices;
		expect(Object.keys(invoice)).toEqual(INVOICE_KEYS);
		expect(Object.keys(invoice.line_items[0])).toEqual(LINE_ITEM_KEYS);
		expect(Object.keys(invoice.client)).toEqual(['id', 'name']);
		expect(Object.keys(invoice.creator)).toEqual(['id', 'name']);
		expect(invoice.created_at).toMatch(ISO);
		expect(invoice.issue_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Object.keys(body.links)).toEqual(['first', 'next', 'previous', 'last']);
	});

	test('values: ISO currency, v2 states (partial is open), payment terms, sent/paid/closed times', async () => {
		const all = (await walkV2(api, '/invoices?per_page=2000', 'invoices')).records;
		expect(new Set(all.map((invoice) => invoice.state))).toEqual(new Set(['draft', 'open', 'paid', 'closed']));
		for (const invoice of all) {
			const original = stored(invoice.id);
			expect(invoice.state).toBe(original.state === 'partial' ? 'open' : original.state);
			expect(['USD', 'EUR', 'GBP']).toContain(invoice.currency);
			expect(['upon receipt', 'net 15', 'net 30', 'net 45', 'net 60', 'custom']).toContain(invoice.payment_term);
			expect(invoice.sent_at === null).toBe(original.state === 'draft' || (original.state === 'paid' && !original.sent));
			expect(invoice.paid_at === null).toBe(invoice.state !== 'paid');
			if (invoice.paid_at !== null) expect(invoice.paid_date).toBe(invoice.paid_at.slice(0, 10));
			expect(invoice.closed_at === null).toBe(invoice.state !== 'closed');
		}
		const partial = all.find((invoice) => stored(invoice.id).state === 'partial');
		expect(partial.due_amount).toBeLessThan(partial.amount);
	});

	test('GET one; an unknown id is 404', async () => {
		const id = [...sandbox.store.invoices.keys()][3];
		const one = await api.get(`/invoices/${id}`);
		expect(one.status).toBe(200);
		expect(Object.keys(one.json())).toEqual(INVOICE_KEYS);
		expect((await api.get('/invoices/1')).status).toBe(404);
	});
});

describe('page-based pagination', () => {
	test('per_page defaults to 100; pages chain through next_page and links with absolute URLs; each invoice once', async () => {
		const first = (await api.get('/invoices')).json();
		expect(first).toMatchObject({ per_page: 100, total_entries: sandbox.store.invoices.size, total_pages: 3, page: 1, next_page: 2, previous_page: null });
		expect(first.invoices).toHaveLength(100);
		expect(first.links.first).toBe(`${sandbox.url}/v2/invoices?page=1&per_page=100&ref=first`);
		expect(first.links.next).toBe(`${sandbox.url}/v2/invoices?page=2&per_page=100&ref=next`);
		expect(first.links.last).toBe(`${sandbox.url}/v2/invoices?page=3&per_page=100&ref=last`);
		const { records, pages } = await walkV2(api, '/invoices', 'invoices');
		expect(pages.map((page) => [page.page, page.next_page, page.previous_page])).toEqual([[1, 2, null], [2, 3, 1], [3, null, 2]]);
		expect(records.map((invoice) => invoice.id).sort()).toEqual([...sandbox.store.invoices.keys()].sort());
	});

	test('sorted by issue date, newest first, then id, highest first (as v1)', async () => {
		const { records } = await walkV2(api, '/invoices?per_page=50', 'invoices');
		const v1Ids: number[] = [];
		for (let page = 1; page <= 5; page++) v1Ids.push(...(await harvest(sandbox).get(`/invoices?page=${page}`)).json().map((entry: any) => entry.invoices.id));
		expect(records.map((invoice) => invoice.id)).toEqual(v1Ids);
	});

	test('filters stay in the links', async () => {
		const page = (await api.get('/invoices?state=open&per_page=10')).json();
		expect(page.links.next).toBe(`${sandbox.url}/v2/invoices?state=open&page=2&per_page=10&ref=next`);
	});

	test.each(['0', '2001', '-1', 'ten'])('per_page=%s is a 422 with a message', async (perPage) => {
		const response = await api.get(`/invoices?per_page=${perPage}`);
		expect(response.status).toBe(422);
		expect(response.json()).toEqual({ message: expect.stringMatching(/per_page/) });
	});

	test('per_page 2000 is allowed', async () => {
		expect((await api.get('/invoices?per_page=2000')).json().invoices).toHaveLength(sandbox.store.invoices.size);
	});

	test('v2MaxPerPage caps a page below per_page; the envelope and links say the size used', async () => {
		const capped = await startSandbox({ throttle: false, invoices: 230, v2MaxPerPage: 100 });
		try {
			const client = harvestV2(capped);
			const first = (await client.get('/invoices?per_page=2000')).json();
			expect(first).toMatchObject({ per_page: 100, total_entries: 230, total_pages: 3, page: 1, next_page: 2 });
			expect(first.invoices).toHaveLength(100);
			expect(first.links.next).toBe(`${capped.url}/v2/invoices?page=2&per_page=100&ref=next`);
			// Smaller pages than the cap are answered as asked.
			expect((await client.get('/invoices?per_page=10')).json()).toMatchObject({ per_page: 10, total_pages: 23 });
			const { records } = await walkV2(client, '/invoices?per_page=2000', 'invoices');
			expect(records.map((invoice) => invoice.id).sort()).toEqual([...capped.store.invoices.keys()].sort());
		} finally {
			await capped.stop();
		}
	});
});

describe('filters', () => {
	const ids = async (query: string) => (await walkV2(api, `/invoices?per_page=2000&${query}`, 'invoices')).records.map((invoice) => invoice.id as number);
	const all = () => [...sandbox.store.invoices.values()];

	test.each(['draft', 'open', 'paid', 'closed'])('state=%s (open includes partly paid)', async (state) => {
		const expected = all().filter((invoice) => (invoice.state === 'partial' ? 'open' : invoice.state) === state).map((invoice) => invoice.id);
		expect((await ids(`state=${state}`)).sort()).toEqual(expected.sort());
	});

	test('state takes one of the four values only', async () => {
		for (const state of ['partial', 'unpaid', 'open,paid']) expect((await api.get(`/invoices?state=${state}`)).status).toBe(422);
	});

	test('updated_since is an ISO 8601 datetime compared to the second', async () => {
		const instants = all().map((invoice) => invoice.updatedAt).sort();
		const since = instants[Math.floor(instants.length / 2)];
		const expected = all().filter((invoice) => invoice.updatedAt >= since).map((invoice) => invoice.id);
		expect((await ids(`updated_since=${since}`)).sort()).toEqual(expected.sort());
		const plusOne = new Date(Date.parse(since) + 1000).toISOString().slice(0, 19) + 'Z';
		expect((await ids(`updated_since=${plusOne}`)).length).toBeLessThan(expected.length);
		const offset = encodeURIComponent(since.replace('Z', '+00:00'));
		expect((await ids(`updated_since=${offset}`)).sort()).toEqual(expected.sort());
	});

	test.each(['2017-12-31', '2017-12-31 14:59', 'yesterday', '2017-13-01T00:00:00Z'])('updated_since=%s is a 422', async (value) => {
		const response = await api.get(`/invoices?updated_since=${encodeURIComponent(value)}`);
		expect(response.status).toBe(422);
		expect(response.json().message).toMatch(/updated_since/);
	});

	test('from/to filter on issue_date (both ends included, YYYY-MM-DD)', async () => {
		const dates = all().map((invoice) => invoice.issuedAt).sort();
		const [from, to] = [dates[20], dates[120]];
		const expected = all().filter((invoice) => invoice.issuedAt >= from && invoice.issuedAt <= to).map((invoice) => invoice.id);
		expect((await ids(`from=${from}&to=${to}`)).sort()).toEqual(expected.sort());
		expect((await api.get('/invoices?from=20170101')).status).toBe(422);
	});

	test('client_id and project_id', async () => {
		const client = all()[0].clientId;
		expect((await ids(`client_id=${client}`)).sort()).toEqual(all().filter((invoice) => invoice.clientId === client).map((invoice) => invoice.id).sort());
		const project = all().flatMap((invoice) => invoice.lineItems).find((item) => item.projectId !== null)?.projectId as number;
		const withProject = all().filter((invoice) => invoice.lineItems.some((item) => item.projectId === project)).map((invoice) => invoice.id);
		expect((await ids(`project_id=${project}`)).sort()).toEqual(withProject.sort());
		expect((await api.get('/invoices?client_id=abc')).status).toBe(422);
	});
});

describe('create', () => {
	test('201 with the created invoice; payment_term defaults to custom with the issue date as due date', async () => {
		const invoice = await create({ subject: 'Hello', issue_date: '2026-06-01', currency: 'EUR', tax: 10, line_items: [{ ...line, taxed: true }] });
		expect(Object.keys(invoice)).toEqual(INVOICE_KEYS);
		expect(invoice).toMatchObject({
			state: 'draft', subject: 'Hello', currency: 'EUR', payment_term: 'custom', issue_date: '2026-06-01', due_date: '2026-06-01',
			amount: 1100, due_amount: 1100, tax_amount: 100, sent_at: null,
		});
		expect(invoice.line_items).toEqual([{ id: expect.any(Number), kind: 'Service', description: 'Work', quantity: 10, unit_price: 100, amount: 1000, taxed: true, taxed2: false, project: null }]);
		expect(stored(invoice.id).currency).toBe('Euro - EUR');
		const v1 = (await harvest(sandbox).get(`/invoices/${invoice.id}`)).json().invoice;
		expect(v1).toMatchObject({ currency: 'Euro - EUR', due_at_human_format: 'custom', amount: 1100, state: 'draft' });
	});

	test('due_date counts with custom only; net terms follow the issue date', async () => {
		expect(await create({ issue_date: '2026-06-01', due_date: '2026-06-20' })).toMatchObject({ payment_term: 'custom', due_date: '2026-06-20' });
		expect(await create({ issue_date: '2026-06-01', due_date: '2026-06-20', payment_term: 'net 30' })).toMatchObject({ payment_term: 'net 30', due_date: '2026-07-01' });
		expect(await create({ issue_date: '2026-06-01', payment_term: 'upon receipt' })).toMatchObject({ due_date: '2026-06-01' });
		expect((await api.post('/invoices', { client_id: clientId(), payment_term: 'net 7' })).status).toBe(422);
	});

	test('line items: quantity defaults to 1, kind must be a category (any case), a project is {id,name,code}', async () => {
		const project = [...sandbox.store.projects.values()][0];
		const invoice = await create({ line_items: [{ kind: 'product', unit_price: 9.5, project_id: project.id }] });
		expect(invoice.line_items[0]).toMatchObject({ kind: 'Product', quantity: 1, amount: 9.5, project: { id: project.id, name: project.name, code: project.code } });
		for (const bad of [{ kind: 'Nope', unit_price: 1 }, { unit_price: 1 }, { kind: 'Service' }, { kind: 'Service', unit_price: 1, project_id: 1 }]) {
			const response = await api.post('/invoices', { client_id: clientId(), line_items: [bad] });
			expect(response.status).toBe(422);
			expect(typeof response.json().message).toBe('string');
		}
	});

	test('validation: client_id required and existing, currency an ISO code, number unique; a refusal stores nothing', async () => {
		const before = sandbox.store.invoices.size;
		for (const body of [{}, { client_id: 1 }, { client_id: clientId(), currency: 'Euro' }, { client_id: clientId(), number: '1' }, { client_id: clientId(), discount: 120 }]) {
			const response = await api.post('/invoices', body);
			expect(response.status).toBe(422);
			expect(Object.keys(response.json())).toEqual(['message']);
		}
		expect(sandbox.store.invoices.size).toBe(before);
	});

	test('line_items_import bills the unbilled hours and expenses of a project (all when no window)', async () => {
		const project = [...sandbox.store.projects.values()].find((candidate) =>
			[...sandbox.store.timeEntries.values()].some((entry) => entry.projectId === candidate.id && entry.invoiceId === null)) as { id: number; clientId: number };
		const response = await api.post('/invoices', {
			client_id: project.clientId,
			line_items_import: { project_ids: [project.id], time: { summary_type: 'task' }, expenses: { summary_type: 'category', attach_receipt: false } },
		});
		expect(response.status).toBe(201);
		const invoice = response.json();
		expect(invoice.line_items.length).toBeGreaterThan(0);
		expect(invoice.line_items.every((item: any) => item.project.id === project.id)).toBe(true);
		const unbilled = [...sandbox.store.timeEntries.values()].filter((entry) => entry.projectId === project.id && entry.invoiceId === null);
		expect(unbilled).toHaveLength(0);
		const half = await api.post('/invoices', { client_id: project.clientId, line_items_import: { project_ids: [project.id], time: { summary_type: 'project', from: '2026-01-01' } } });
		expect(half.status).toBe(422);
		expect(half.json().message).toMatch(/from and to/);
	});
});

describe('PATCH and DELETE', () => {
	test('fields change; a line with an id changes, _destroy deletes it, one without id is added, others stay', async () => {
		const invoice = await create({ line_items: [line, { kind: 'Product', description: 'Box', unit_price: 5 }, { kind: 'Product', description: 'Gone', unit_price: 1 }] });
		const [work, box, gone] = invoice.line_items;
		const response = await api.patch(`/invoices/${invoice.id}`, {
			subject: 'Changed', payment_term: 'net 15',
			line_items: [{ id: box.id, quantity: 3 }, { id: gone.id, _destroy: true }, { kind: 'Service', description: 'New', unit_price: 20 }],
		});
		expect(response.status).toBe(200);
		const patched = response.json();
		expect(patched.subject).toBe('Changed');
		expect(patched.payment_term).toBe('net 15');
		expect(patched.line_items.map((item: any) => [item.id, item.description, item.amount])).toEqual([
			[work.id, 'Work', 1000], [box.id, 'Box', 15], [expect.any(Number), 'New', 20],
		]);
		expect(patched.amount).toBe(1035);
		expect((await api.patch(`/invoices/${invoice.id}`, { line_items: [{ id: 1, quantity: 2 }] })).status).toBe(422);
	});

	test('v1-made lines get ids v2 can PATCH', async () => {
		const v1 = harvest(sandbox);
		const created = await v1.post('/invoices', { invoice: { client_id: clientId(), csv_line_items: 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nService,A,1,10,10,false,false,\nService,B,1,20,20,false,false,\n' } });
		const id = Number(/\d+$/.exec(String(created.headers.location))?.[0]);
		const [a] = (await api.get(`/invoices/${id}`)).json().line_items;
		const patched = (await api.patch(`/invoices/${id}`, { line_items: [{ id: a.id, _destroy: true }] })).json();
		expect(patched.line_items.map((item: any) => item.description)).toEqual(['B']);
		expect((await v1.get(`/invoices/${id}`)).json().invoice.csv_line_items).toContain('Service,B,1.00,20.00,20.0');
	});

	test('DELETE answers 200 with an empty body; the invoice is gone on v1 too', async () => {
		const invoice = await create({});
		const response = await api.delete(`/invoices/${invoice.id}`);
		expect(response.status).toBe(200);
		expect(response.text).toBe('');
		expect((await harvest(sandbox).get(`/invoices/${invoice.id}`)).status).toBe(404);
	});
});

describe('one store for v1 and v2', () => {
	test('an invoice created on v1 is seen on v2 and a v2 change is seen on v1', async () => {
		const v1 = harvest(sandbox);
		const created = await v1.post('/invoices', { invoice: { client_id: clientId(), subject: 'From v1', csv_line_items: 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nService,X,2,50,100,false,false,\n' } });
		const id = Number(/\d+$/.exec(String(created.headers.location))?.[0]);
		expect((await api.get(`/invoices/${id}`)).json()).toMatchObject({ subject: 'From v1', amount: 100, state: 'draft' });
		await api.patch(`/invoices/${id}`, { subject: 'From v2' });
		expect((await v1.get(`/invoices/${id}`)).json().invoice.subject).toBe('From v2');
	});

	test('with the invoices module off, v2 invoice routes answer 403 and /company says invoice_feature false', async () => {
		sandbox.setInvoicesModule(false);
		try {
			const response = await api.get('/invoices');
			expect(response.status).toBe(403);
			expect(response.json().message).toMatch(/invoices feature/);
			expect((await api.get('/invoice_item_categories')).status).toBe(403);
			expect((await api.get('/company')).json().invoice_feature).toBe(false);
			expect((await api.get('/users/me')).status).toBe(200);
		} finally {
			sandbox.setInvoicesModule(true);
		}
		expect((await api.get('/company')).json().invoice_feature).toBe(true);
	});
});
