/** who_am_i, the invoices module switch, and the directory: clients, projects, contacts. */
import { startSandbox, type Sandbox } from './index';
import { harvest, type HarvestClient } from './testing/client';

let sandbox: Sandbox;
let api: HarvestClient;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 3 });
	api = harvest(sandbox);
});
afterAll(() => sandbox.stop());

describe('who_am_i', () => {
	test('JSON: company (with modules) and user (with project_manager)', async () => {
		const response = await api.get('/account/who_am_i');
		expect(response.status).toBe(200);
		expect(response.json()).toEqual({
			company: {
				base_uri: 'https://demo.harvestapp.com', full_domain: 'demo.harvestapp.com', name: 'Demo Company', active: true,
				week_start_day: 'Monday', time_format: 'decimal', clock: '24h', decimal_symbol: '.', thousands_separator: ',',
				color_scheme: 'orange', modules: { expenses: true, invoices: true, estimates: true, approval: false },
			},
			user: {
				timezone: 'UTC', id: 5001, email: 'demo@example.com', admin: true, first_name: 'Demo', last_name: 'User',
				avatar_url: expect.any(String),
				project_manager: { is_project_manager: true, can_see_rates: true, can_create_projects: true, can_create_invoices: true },
				timestamp_timers: false, timezone_identifier: 'Etc/UTC', timezone_utc_offset: 0,
			},
		});
	});

	test('XML: kebab-case, typed, nested', async () => {
		const text = (await harvest(sandbox, { format: 'xml' }).get('/account/who_am_i')).text;
		expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<hash>\n  <company>\n    <base-uri>https:\/\/demo.harvestapp.com<\/base-uri>/);
		expect(text).toContain('<modules>\n      <expenses type="boolean">true</expenses>\n      <invoices type="boolean">true</invoices>');
		expect(text).toContain('<decimal-symbol>.</decimal-symbol>');
		expect(text).toContain('<project-manager>\n      <is-project-manager type="boolean">true</is-project-manager>');
		expect(text).toContain('<can-create-invoices type="boolean">true</can-create-invoices>');
		expect(text).toContain('<id type="integer">5001</id>');
	});

	test('invoicesModule: false -> who_am_i says so and the invoice routes answer 404; the directory still answers', async () => {
		const other = await startSandbox({ throttle: false, invoices: 2, invoicesModule: false });
		try {
			const client = harvest(other);
			expect((await client.get('/account/who_am_i')).json().company.modules.invoices).toBe(false);
			for (const path of ['/invoices', '/invoices/100001', '/invoices/100001/payments', '/invoices/100001/messages', '/invoice_item_categories']) {
				const response = await client.get(path);
				expect(response.status).toBe(404);
				expect(response.json()).toEqual({ message: 'The invoices module is not enabled for this account' });
			}
			expect((await client.get('/clients')).status).toBe(200);
			other.setInvoicesModule(true);
			expect((await client.get('/invoices')).status).toBe(200);
		} finally {
			await other.stop();
		}
	});
});

describe('directory', () => {
	test('GET /clients: [{"client": {...}}] with active; ?active=true|false filters', async () => {
		const all = (await api.get('/clients')).json();
		expect(all).toHaveLength(sandbox.store.clients.size);
		expect(all[0]).toEqual({ client: expect.objectContaining({ id: expect.any(Number), name: expect.any(String), active: expect.any(Boolean), currency: expect.any(String) }) });
		const active = (await api.get('/clients?active=true')).json();
		const inactive = (await api.get('/clients?active=false')).json();
		expect(active.length + inactive.length).toBe(all.length);
		expect(inactive.length).toBeGreaterThan(0);
		expect(inactive.every((entry: { client: { active: boolean } }) => !entry.client.active)).toBe(true);
	});

	test('GET /projects?client={id}: only that client\'s projects', async () => {
		const clientId = [...sandbox.store.projects.values()][0].clientId;
		const projects = (await api.get(`/projects?client=${clientId}`)).json();
		expect(projects.length).toBeGreaterThan(0);
		expect(projects.every((entry: { project: { client_id: number } }) => entry.project.client_id === clientId)).toBe(true);
		expect((await api.get('/projects')).json()).toHaveLength(sandbox.store.projects.size);
		expect((await api.get('/projects?client=abc')).status).toBe(422);
	});

	test('GET /contacts and /clients/{id}/contacts; an unknown client is a 404', async () => {
		const contacts = (await api.get('/contacts')).json();
		expect(contacts).toHaveLength(sandbox.store.contacts.size);
		expect(contacts[0]).toEqual({ contact: expect.objectContaining({ client_id: expect.any(Number), email: expect.stringContaining('@'), first_name: expect.any(String), last_name: expect.any(String) }) });
		const clientId = contacts[0].contact.client_id;
		const ofClient = (await api.get(`/clients/${clientId}/contacts`)).json();
		expect(ofClient.length).toBeGreaterThan(0);
		expect(ofClient.every((entry: { contact: { client_id: number } }) => entry.contact.client_id === clientId)).toBe(true);
		expect((await api.get('/clients/999999/contacts')).status).toBe(404);
		expect((await api.get('/clients/999999')).status).toBe(404);
	});

	test('XML lists: <clients type="array"><client>, <projects>, <contacts>', async () => {
		const xml = harvest(sandbox, { format: 'xml' });
		expect((await xml.get('/clients')).text).toMatch(/<clients type="array">\n  <client>\n    <id type="integer">\d+<\/id>/);
		expect((await xml.get('/projects')).text).toContain('<hourly-rate type="decimal">');
		expect((await xml.get('/contacts')).text).toMatch(/<contacts type="array">\n  <contact>/);
	});
});
