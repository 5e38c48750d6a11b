/** The service around v2: the shared throttle answers 429 + Retry-After + HTML; faults and hooks match v2 paths; directory and account routes. */
import { startSandbox, type Sandbox } from './index';
import { harvest, harvestV2 } from './testing/client';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ invoices: 3 });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset({ throttle: false }));

test('throttled on v2: 429, Retry-After, an HTML body; v1 keeps its 503; the budget is shared', async () => {
	sandbox.setThrottle({ limit: 3, windowSeconds: 30 });
	const v1 = harvest(sandbox);
	const v2 = harvestV2(sandbox);
	expect((await v1.get('/invoices')).status).toBe(200);
	expect((await v2.get('/invoices')).status).toBe(200);
	expect((await v1.get('/invoices')).status).toBe(200);
	const throttled = await v2.get('/invoices');
	expect(throttled.status).toBe(429);
	expect(throttled.headers['retry-after']).toBe('30');
	expect(throttled.headers['content-type']).toMatch(/^text\/html/);
	expect(throttled.text).toMatch(/^<!DOCTYPE html>/);
	expect(() => throttled.json()).toThrow();
	expect((await v1.get('/invoices')).status).toBe(503);
	expect(sandbox.requests().map((entry) => [entry.path, entry.status, entry.applied])).toEqual([
		['/invoices', 200, true], ['/v2/invoices', 200, true], ['/invoices', 200, true], ['/v2/invoices', 429, false], ['/invoices', 503, false],
	]);
});

test('fault rules match v2 paths; a throttle fault on v2 is a 429 too', async () => {
	const v2 = harvestV2(sandbox);
	const id = [...sandbox.store.invoices.values()].find((invoice) => invoice.state === 'open' && invoice.dueAmount > 1)?.id as number;
	sandbox.setFault({ kind: '502', method: 'POST', path: '/v2/invoices/:id/payments', phase: 'after', times: 1 });
	const faulted = await v2.post(`/invoices/${id}/payments`, { amount: 1 });
	expect(faulted.status).toBe(502);
	// phase after: the payment was recorded although the client saw a 502.
	expect(sandbox.store.paymentsOf(id).map((payment) => payment.amount)).toEqual([1]);
	sandbox.setFault({ kind: 'throttle', path: '/v2/**', times: 1, retryAfterSeconds: 7 });
	expect((await harvest(sandbox).get('/invoices')).status).toBe(200);
	const throttled = await v2.get('/company');
	expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '7']);
	expect(throttled.text).toContain('<html>');
	expect(sandbox.requests().at(-1)).toMatchObject({ path: '/v2/company', fault: 'throttle' });
});

test('request hooks match v2 paths', async () => {
	const v2 = harvestV2(sandbox);
	let ran = 0;
	sandbox.onRequest({ method: 'GET', path: '/v2/invoices/:id', nth: 2, action: () => void (ran += 1) });
	const id = [...sandbox.store.invoices.keys()][0];
	await v2.get(`/invoices/${id}`);
	expect(ran).toBe(0);
	await v2.get(`/invoices/${id}`);
	expect(ran).toBe(1);
});

test('users/me and company have the documented fields', async () => {
	const v2 = harvestV2(sandbox);
	const me = (await v2.get('/users/me')).json();
	expect(me).toMatchObject({ id: 5001, first_name: 'Demo', last_name: 'User', email: 'demo@example.com', timezone: 'UTC', is_active: true });
	const company = (await v2.get('/company')).json();
	for (const key of ['base_uri', 'full_domain', 'name', 'is_active', 'week_start_day', 'time_format', 'clock', 'decimal_symbol', 'thousands_separator',
		'color_scheme', 'invoice_feature', 'expense_feature', 'estimate_feature', 'approval_feature']) {
		expect(company).toHaveProperty(key);
	}
	sandbox.setDecimalSymbol(',');
	expect((await v2.get('/company')).json()).toMatchObject({ decimal_symbol: ',', thousands_separator: '.' });
});

test('clients, projects and contacts for pickers, filtered by client_id', async () => {
	const v2 = harvestV2(sandbox);
	const clients = (await v2.get('/clients')).json();
	expect(clients.clients).toHaveLength(sandbox.store.clients.size);
	expect(Object.keys(clients.clients[0])).toEqual(['id', 'name', 'is_active', 'address', 'statement_key', 'currency', 'created_at', 'updated_at']);
	expect(clients.clients.map((client: any) => client.currency)).toContain('USD');
	const client = clients.clients[0];
	expect((await v2.get(`/clients/${client.id}`)).json()).toEqual(client);
	expect((await v2.get('/clients/1')).status).toBe(404);
	expect((await v2.get('/clients?is_active=false')).json().clients.every((entry: any) => entry.is_active === false)).toBe(true);
	const projects = (await v2.get(`/projects?client_id=${client.id}`)).json().projects;
	expect(projects.length).toBeGreaterThan(0);
	expect(projects.every((project: any) => project.client.id === client.id)).toBe(true);
	expect(Object.keys(projects[0].client)).toEqual(['id', 'name', 'currency']);
	expect(projects[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String), code: expect.any(String) });
	const contacts = (await v2.get(`/contacts?client_id=${client.id}`)).json().contacts;
	expect(contacts.length).toBeGreaterThan(0);
	expect(contacts[0]).toMatchObject({ client: { id: client.id, name: client.name }, first_name: expect.any(String), email: expect.any(String) });
	expect((await v2.get('/contacts')).json().total_entries).toBe(sandbox.store.contacts.size);
});
