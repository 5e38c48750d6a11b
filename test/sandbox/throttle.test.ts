/** Harvest's rate limit: 503 + Retry-After past N requests in W seconds; calls while locked out extend it. */
import { HARVEST_THROTTLE, startSandbox, type Sandbox } from './index';
import { harvest, send } from './testing/client';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ invoices: 3 });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('the default is Harvest\'s 100 requests per 15 s: the 101st answers 503, Retry-After 15', async () => {
	expect(sandbox.throttle()).toEqual(HARVEST_THROTTLE);
	const api = harvest(sandbox);
	const statuses = await Promise.all(Array.from({ length: 100 }, () => api.get('/invoice_item_categories').then((response) => response.status)));
	expect(statuses.every((status) => status === 200)).toBe(true);
	const throttled = await api.get('/invoices');
	expect(throttled.status).toBe(503);
	expect(throttled.headers['retry-after']).toBe('15');
	expect(throttled.json()).toEqual({ message: 'This request has been throttled.', retry_after: 15 });
});

test('a small fractional window: Retry-After rounded up to 1; calls while throttled extend the lockout; then it lets go', async () => {
	sandbox.setThrottle({ limit: 3, windowSeconds: 0.6 });
	const api = harvest(sandbox);
	for (let count = 0; count < 3; count++) expect((await api.get('/invoices')).status).toBe(200);
	const first = await api.get('/invoices');
	expect(first.status).toBe(503);
	expect(first.headers['retry-after']).toBe('1');
	expect(first.json().retry_after).toBe(1);
	// Locked out until ~600 ms. A call at ~400 ms pushes the end to ~1000 ms, so a call at ~800 ms,
	// after the first lockout would have ended, is still refused (and pushes it to ~1400 ms).
	await sleep(400);
	expect((await api.get('/invoices')).status).toBe(503);
	await sleep(400);
	expect((await api.get('/invoices')).status).toBe(503);
	await sleep(800);
	expect((await api.get('/invoices')).status).toBe(200);
});

test('the XML throttle body', async () => {
	sandbox.setThrottle({ limit: 1, windowSeconds: 2 });
	const api = harvest(sandbox, { format: 'xml' });
	await api.get('/invoices');
	const throttled = await api.get('/invoices');
	expect(throttled.status).toBe(503);
	expect(throttled.headers['retry-after']).toBe('2');
	expect(throttled.text).toContain('<message>This request has been throttled.</message>');
	expect(throttled.text).toContain('<retry-after type="integer">2</retry-after>');
});

test('throttled requests are logged (503, not applied); unauthenticated calls count too', async () => {
	sandbox.setThrottle({ limit: 2, windowSeconds: 5 });
	await harvest(sandbox, { auth: 'none' }).get('/invoices');
	await harvest(sandbox).get('/invoices');
	await harvest(sandbox).post('/invoice_item_categories', { invoice_item_category: { name: 'Not created' } });
	expect(sandbox.requests().map((request) => [request.status, request.applied])).toEqual([[401, false], [200, true], [503, false]]);
	expect([...sandbox.store.categories.values()].map((category) => category.name)).not.toContain('Not created');
});

test('rate_limit_status reports the window and does not count itself', async () => {
	sandbox.setThrottle({ limit: 10, windowSeconds: 15 });
	const api = harvest(sandbox);
	await api.get('/invoices');
	await api.get('/invoices');
	for (const format of ['json', 'xml'] as const) {
		const status = await harvest(sandbox, { format }).get('/account/rate_limit_status');
		expect(status.status).toBe(200);
		if (format === 'json') expect(status.json()).toEqual({ timeframe_limit: 15, request_count: 2, max_calls: 10, lockout_seconds: 0, last_access_at: expect.stringMatching(/Z$/) });
		else expect(status.text).toContain('<request-count type="integer">2</request-count>');
	}
});

test('throttle: false lets everything through; control routes are never throttled', async () => {
	sandbox.setThrottle({ limit: 1, windowSeconds: 10 });
	const api = harvest(sandbox);
	await api.get('/invoices');
	expect((await api.get('/invoices')).status).toBe(503);
	for (let count = 0; count < 5; count++) expect((await send(`${sandbox.url}/__sandbox/clock`, 'GET')).status).toBe(200);
	sandbox.setThrottle(false);
	const statuses = await Promise.all(Array.from({ length: 150 }, () => api.get('/invoice_item_categories').then((response) => response.status)));
	expect(new Set(statuses)).toEqual(new Set([200]));
});

test('throttle options are checked', () => {
	expect(() => sandbox.setThrottle({ limit: 0, windowSeconds: 1 })).toThrow('throttle.limit must be a whole number >= 1');
	expect(() => sandbox.setThrottle({ limit: 1, windowSeconds: 0 })).toThrow('throttle.windowSeconds must be > 0');
});
