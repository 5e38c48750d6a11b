/** Harvest v2 auth: token + account id, a User-Agent, 401/403/400 bodies; the request log stays credential-free. */
import { startSandbox, type Sandbox } from './index';
import { harvest, harvestV2, send } from './testing/client';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 3 });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.clearRequests());

const INVALID_TOKEN = {
	error: 'invalid_token',
	error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
};

test('the v2 demo login', () => {
	expect(sandbox.login.accountId).toBe('1234567');
	expect(sandbox.login.personalAccessToken).toBe('demo-personal-token');
});

test.each(['bearer', 'query'] as const)('the personal access token with the account id is accepted (%s)', async (auth) => {
	const response = await harvestV2(sandbox, { auth }).get('/users/me');
	expect(response.status).toBe(200);
	expect(response.headers['content-type']).toMatch(/^application\/json/);
	expect(response.json().email).toBe('demo@example.com');
});

test('the OAuth access token works on v2 too', async () => {
	expect((await harvestV2(sandbox, { token: sandbox.login.accessToken }).get('/company')).status).toBe(200);
});

test.each([
	['a wrong token', { token: 'nope' }],
	['no token', { auth: 'none' as const }],
])('%s: 401 invalid_token', async (_, options) => {
	const response = await harvestV2(sandbox, options).get('/invoices');
	expect(response.status).toBe(401);
	expect(response.json()).toEqual(INVALID_TOKEN);
});

test('Basic auth does not exist on v2: 401', async () => {
	const basic = Buffer.from(`${sandbox.login.email}:${sandbox.login.password}`).toString('base64');
	const response = await harvestV2(sandbox, { auth: 'none' }).get('/invoices', {
		headers: { Authorization: `Basic ${basic}`, 'Harvest-Account-Id': sandbox.login.accountId },
	});
	expect(response.status).toBe(401);
	expect(response.json()).toEqual(INVALID_TOKEN);
});

test.each([
	['missing', null, /Harvest-Account-Id/],
	['of another account', '999', /999 is not reachable/],
])('right token, account id %s: 403 forbidden', async (_, accountId, description) => {
	const response = await harvestV2(sandbox, { accountId }).get('/invoices');
	expect(response.status).toBe(403);
	expect(response.json()).toEqual({ error: 'forbidden', error_description: expect.stringMatching(description) });
});

test('no User-Agent: 400 saying it is required', async () => {
	const response = await harvestV2(sandbox, { userAgent: null }).get('/invoices');
	expect(response.status).toBe(400);
	expect(response.json().message).toMatch(/User-Agent header is required/);
});

test('v1 is unchanged: the personal access token is not a v1 credential, v1 credentials still work', async () => {
	const pat = await send(`${sandbox.url}/invoices`, 'GET', { headers: { Accept: 'application/json', Authorization: 'Bearer demo-personal-token' } });
	expect(pat.status).toBe(401);
	expect((await harvest(sandbox, { auth: 'basic' }).get('/invoices')).status).toBe(200);
});

test('the request log shows v2 paths as requested and no credentials', async () => {
	await harvestV2(sandbox, { auth: 'query' }).get('/invoices?state=open');
	await harvestV2(sandbox).get('/invoices/');
	const [query, bearer] = sandbox.requests();
	expect(query).toMatchObject({ method: 'GET', path: '/v2/invoices', query: { state: 'open', account_id: '1234567' }, status: 200 });
	expect(JSON.stringify(query)).not.toContain('demo-personal-token');
	expect(bearer).toMatchObject({ path: '/v2/invoices/', status: 200 });
	expect(bearer.headers.authorization).toBeUndefined();
	expect(bearer.headers['harvest-account-id']).toBe('1234567');
});

test('v2 takes JSON only: an XML body is a 415', async () => {
	const response = await harvestV2(sandbox).post('/invoice_item_categories', '<invoice-item-category><name>X</name></invoice-item-category>', {
		headers: { 'Content-Type': 'application/xml' },
	});
	expect(response.status).toBe(415);
	expect(response.json().message).toMatch(/JSON/);
});

test('unknown v2 routes are 404 with a JSON message', async () => {
	const response = await harvestV2(sandbox).get('/time_entries');
	expect(response.status).toBe(404);
	expect(response.json()).toEqual({ message: 'Not found' });
});
