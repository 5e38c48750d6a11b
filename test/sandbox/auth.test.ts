/** Authentication (Basic, access token as query or Bearer, 401 otherwise) and the request log, which keeps no secret. */
import { startSandbox, type Sandbox } from './index';
import { harvest, send } from './testing/client';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 3 });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.clearRequests());

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
const get = (path: string, headers: Record<string, string> = {}) => send(`${sandbox.url}${path}`, 'GET', { headers: { Accept: 'application/json', ...headers } });

describe('authentication', () => {
	test('the demo login', () => {
		expect(sandbox.login).toEqual({
			subdomain: 'demo', email: 'demo@example.com', password: 'harvest-demo', accessToken: 'demo-token',
			accountId: '1234567', personalAccessToken: 'demo-personal-token',
		});
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	test.each(['basic', 'bearer', 'query'] as const)('%s credentials are accepted', async (auth) => {
		expect((await harvest(sandbox, { auth }).get('/invoices')).status).toBe(200);
	});

	test('the email is not case-sensitive; the password is', async () => {
		expect((await get('/invoices', { Authorization: basic('Demo@Example.com', 'harvest-demo') })).status).toBe(200);
		expect((await get('/invoices', { Authorization: basic('demo@example.com', 'Harvest-Demo') })).status).toBe(401);
	});

	test.each([
		['no credentials', {}, '', 'Authentication required: send HTTP Basic credentials or an access token'],
		['a wrong password', { Authorization: basic('demo@example.com', 'wrong') }, '', 'Invalid email or password'],
		['an unknown email', { Authorization: basic('someone@example.com', 'harvest-demo') }, '', 'Invalid email or password'],
		['a wrong Bearer token', { Authorization: 'Bearer nope' }, '', 'Invalid access token'],
		['a wrong access_token', {}, '?access_token=nope', 'Invalid access token'],
		['an unknown scheme', { Authorization: 'Token demo-token' }, '', 'Unsupported authorization scheme: Token'],
	])('%s -> 401 with a message', async (_name, headers, query, message) => {
		const response = await get(`/invoices${query}`, headers);
		expect(response.status).toBe(401);
		expect(response.headers['www-authenticate']).toBe('Basic realm="Harvest"');
		expect(response.json()).toEqual({ message });
	});

	test('every Harvest route needs credentials, who_am_i included; XML clients get an XML 401', async () => {
		for (const path of ['/account/who_am_i', '/clients', '/invoice_item_categories', '/invoices/100001']) expect((await get(path)).status).toBe(401);
		const xml = await send(`${sandbox.url}/invoices`, 'GET', { headers: { Accept: 'application/xml' } });
		expect(xml.text).toContain('<error>\n  <message>Authentication required');
	});
});

describe('request log', () => {
	test('method, path, query, headers, parsed body and status of each request', async () => {
		const api = harvest(sandbox);
		await api.get('/invoices?status=open&client=1001&page=2');
		await api.post('/invoice_item_categories', { invoice_item_category: { name: 'Logged' } });
		await harvest(sandbox, { format: 'xml' }).put('/invoice_item_categories/999', '<invoice-item-category><name>X</name></invoice-item-category>');
		const [list, create, update] = sandbox.requests();
		expect(list).toMatchObject({ seq: expect.any(Number), method: 'GET', path: '/invoices', query: { status: 'open', client: '1001', page: '2' }, body: null, status: 200, applied: true });
		expect(list.headers).toMatchObject({ accept: 'application/json', 'user-agent': 'sandbox-tests' });
		expect(create).toMatchObject({ method: 'POST', path: '/invoice_item_categories', body: { invoice_item_category: { name: 'Logged' } }, status: 201 });
		expect(update).toMatchObject({ method: 'PUT', body: { invoice_item_category: { name: 'X' } }, status: 404, applied: false });
		expect(list.receivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
	});

	test('no secrets: no Authorization or Cookie header, no access_token in the query, no password-like body field', async () => {
		await get('/invoices', { Authorization: basic('demo@example.com', 'harvest-demo'), Cookie: 'session=s3cret', 'Proxy-Authorization': 'Basic eHh4' });
		await get('/invoices?access_token=demo-token&page=1');
		await get('/invoices', { Authorization: 'Bearer demo-token' });
		await send(`${sandbox.url}/invoice_item_categories?access_token=demo-token`, 'POST', { headers: { 'Content-Type': 'application/json' }, body: { invoice_item_category: { name: 'Y' }, password: 'harvest-demo', api_token: 'demo-token' } });
		const log = sandbox.requests();
		expect(log).toHaveLength(4);
		expect(log[1].query).toEqual({ page: '1' });
		const text = JSON.stringify(log);
		for (const secret of ['harvest-demo', 'demo-token', 's3cret', 'ZGVtb0BleGFtcGxlLmNvbTpoYXJ2ZXN0LWRlbW8', 'eHh4', 'authorization', 'cookie']) {
			expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
		}
	});

	test('a body that cannot be parsed is logged as text', async () => {
		await harvest(sandbox).post('/invoices', '{"invoice": ');
		expect(sandbox.requests()[0]).toMatchObject({ body: '{"invoice": ', status: 400 });
	});

	test('clearRequests empties it; control routes are not logged; reading returns a copy', async () => {
		await harvest(sandbox).get('/invoices');
		await send(`${sandbox.url}/__sandbox/requests`, 'GET');
		const log = sandbox.requests();
		expect(log.map((entry) => entry.path)).toEqual(['/invoices']);
		log[0].status = 999;
		expect(sandbox.requests()[0].status).toBe(200);
		sandbox.clearRequests();
		expect(sandbox.requests()).toEqual([]);
	});
});
