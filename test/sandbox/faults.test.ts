/**
 * Faults: each kind, before and after the request is applied, limited to the next K requests,
 * matched by method and path, at random with a seed, and set over HTTP.
 */
import { startSandbox, type FaultRule, type Sandbox } from './index';
import { harvest, send, type HarvestClient } from './testing/client';
import { createOpen } from './testing/invoices';
import { XMLValidator } from 'fast-xml-parser';

let sandbox: Sandbox;
let api: HarvestClient;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 5 });
	api = harvest(sandbox);
});
afterAll(() => sandbox.stop());
beforeEach(() => {
	sandbox.clearFaults();
	sandbox.clearRequests();
});

const paymentsOf = (id: number) => sandbox.store.paymentsOf(id).length;
const pay = (id: number, client: HarvestClient = api) => client.post(`/invoices/${id}/payments`, { payment: { amount: 10, paid_at: '2026-06-14' } });

describe('each kind, in the before phase (the request is not applied)', () => {
	test('throttle: 503, Retry-After, Harvest\'s throttle body; the real throttle is untouched', async () => {
		sandbox.setFault({ kind: 'throttle', retryAfterSeconds: 2, times: 1 });
		const response = await api.get('/invoices');
		expect(response.status).toBe(503);
		expect(response.headers['retry-after']).toBe('2');
		expect(response.json()).toEqual({ message: 'This request has been throttled.', retry_after: 2 });
		expect((await api.get('/invoices')).status).toBe(200);
	});

	test('throttle with retryAfter: the header as an HTTP-date counted from the answer\'s Date, or none at all', async () => {
		sandbox.setFault({ kind: 'throttle', retryAfterSeconds: 5, retryAfter: 'date', times: 1 });
		const dated = await api.get('/invoices');
		expect(dated.status).toBe(503);
		const date = Date.parse(String(dated.headers.date));
		expect(Date.parse(String(dated.headers['retry-after'])) - date).toBe(5000);
		sandbox.setFault({ kind: 'throttle', retryAfter: 'none', times: 1 });
		const bare = await api.get('/invoices');
		expect(bare.status).toBe(503);
		expect(bare.headers['retry-after']).toBeUndefined();
	});

	test.each([['500', 500, 'Internal Server Error'], ['502', 502, 'Bad Gateway']] as const)('%s: that status with an error body in the client\'s format', async (kind, status, message) => {
		const id = await createOpen(sandbox, api);
		sandbox.setFault({ kind, method: 'POST', path: '/invoices/:id/payments' });
		const response = await pay(id);
		expect(response.status).toBe(status);
		expect(response.json()).toEqual({ message });
		expect(paymentsOf(id)).toBe(0);
		const xmlResponse = await pay(id, harvest(sandbox, { format: 'xml' }));
		expect(xmlResponse.text).toContain(`<message>${message}</message>`);
	});

	test('reset: the connection is destroyed without an answer', async () => {
		const id = await createOpen(sandbox, api);
		sandbox.setFault({ kind: 'reset', times: 1 });
		await expect(pay(id)).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(paymentsOf(id)).toBe(0);
		expect(sandbox.requests().at(-1)).toMatchObject({ status: 0, fault: 'reset', applied: false });
	});

	test('slow: the normal answer, late', async () => {
		sandbox.setFault({ kind: 'slow', delayMs: 300, times: 1 });
		const started = Date.now();
		const response = await api.get('/invoices');
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(response.status).toBe(200);
		expect(response.json()).toHaveLength(sandbox.store.invoices.size);
		expect(sandbox.requests().at(-1)).toMatchObject({ status: 200, fault: 'slow', applied: true });
	});

	test('trickle: status and headers at once, the body a few bytes at a time', async () => {
		sandbox.setFault({ kind: 'trickle', path: '/invoices/:id', delayMs: 20, times: 1 });
		const id = [...sandbox.store.invoices.keys()][0];
		const response = await api.get(`/invoices/${id}`);
		expect(response.status).toBe(200);
		expect(response.json()).toMatchObject({ invoice: { id } });
		expect(sandbox.requests().at(-1)).toMatchObject({ status: 200, fault: 'trickle', applied: true });
	});

	test.each(['json', 'xml'] as const)('malformed (%s): status 200, right content type, a body no parser accepts', async (format) => {
		sandbox.setFault({ kind: 'malformed', path: '/invoices', times: 1 });
		const response = await harvest(sandbox, { format }).get('/invoices');
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toContain(format);
		if (format === 'json') expect(() => JSON.parse(response.text)).toThrow();
		else expect(XMLValidator.validate(response.text)).not.toBe(true);
	});

	test('truncated: a Content-Length for the whole body, half of it, then the connection closes', async () => {
		sandbox.setFault({ kind: 'truncated', path: '/invoices', times: 1 });
		await expect(api.get('/invoices')).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(sandbox.requests().at(-1)).toMatchObject({ status: 200, fault: 'truncated' });
	});

	test.each([['default', undefined, 500], ['502', 502, 502]] as const)('html (status %s): an HTML error page', async (_label, status, expected) => {
		sandbox.setFault({ kind: 'html', times: 1, ...(status ? { status } : {}) });
		const response = await api.get('/invoices');
		expect(response.status).toBe(expected);
		expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(response.text).toMatch(/^<!DOCTYPE html>/);
	});
});

describe('hostile answers, for what a client trusts', () => {
	test.each([301, 302, 307, 308])('redirect %i: that status and the Location given, nothing applied', async (status) => {
		const id = await createOpen(sandbox, api);
		sandbox.setFault({ kind: 'redirect', status, location: 'http://127.0.0.1:9/elsewhere', method: 'POST', times: 1 });
		const response = await pay(id);
		expect(response.status).toBe(status);
		expect(response.headers.location).toBe('http://127.0.0.1:9/elsewhere');
		expect(paymentsOf(id)).toBe(0);
	});

	test('echoAuth: a 401 repeating the Authorization header and the login inside it', async () => {
		sandbox.setFault({ kind: 'echoAuth', times: 1 });
		const response = await harvest(sandbox, { auth: 'basic' }).get('/invoices');
		expect(response.status).toBe(401);
		expect(response.json().message).toContain(`${sandbox.login.email}:${sandbox.login.password}`);
		expect(response.json().message).toContain('Authorization: Basic ');
	});

	test('echoAuth with status 200: the bare secret the request carried, as a body no parser reads', async () => {
		sandbox.setFault({ kind: 'echoAuth', status: 200, times: 2 });
		const basic = await harvest(sandbox, { auth: 'basic' }).get('/invoices');
		expect(basic.status).toBe(200);
		expect(basic.text).toBe(sandbox.login.password);
		const bearer = await harvest(sandbox, { auth: 'bearer', format: 'xml' }).get('/invoices');
		expect(bearer.text).toBe(`<${sandbox.login.accessToken}>`);
	});

	test('entities: about 60 KB of XML whose DOCTYPE entity would expand it past 200 MB', async () => {
		sandbox.setFault({ kind: 'entities', times: 1 });
		const response = await api.get('/invoices');
		expect(response.status).toBe(200);
		expect(response.text.length).toBeLessThan(60_000);
		expect(response.text).toMatch(/<!DOCTYPE invoice \[<!ENTITY a "x{16000}">\]>/);
		expect(16_000 * (response.text.split('&a;').length - 1)).toBeGreaterThan(200_000_000);
	});

	test('loginPage: 200 with a well-formed HTML sign-in page', async () => {
		sandbox.setFault({ kind: 'loginPage', times: 1 });
		const response = await api.get('/invoices');
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(response.text).toContain('<input name="password" type="password"/>');
	});

	test('oversized: the real answer, padded with whitespace to the size asked', async () => {
		sandbox.setFault({ kind: 'oversized', bytes: 100_000, phase: 'after', path: '/invoices', times: 1 });
		const response = await api.get('/invoices');
		expect(Buffer.byteLength(response.text)).toBe(100_000);
		expect(response.json()).toHaveLength(sandbox.store.invoices.size);
	});

	test('bad hostile rules are refused', () => {
		expect(() => sandbox.setFault({ kind: 'redirect', location: '/x', status: 200 })).toThrow('fault.status must be one of 301, 302, 303, 307, 308');
		expect(() => sandbox.setFault({ kind: 'redirect' })).toThrow('fault.location is needed for a redirect');
		expect(() => sandbox.setFault({ kind: 'oversized', bytes: -1 })).toThrow('fault.bytes must be a whole number > 0');
	});
});

describe('the after phase: the request is applied, then the fault replaces the answer', () => {
	test.each(['500', '502', 'reset', 'truncated', 'malformed', 'html', 'throttle'] as const)('%s after a payment: the payment exists', async (kind) => {
		const id = await createOpen(sandbox, api);
		sandbox.setFault({ kind, phase: 'after', method: 'POST', path: '/invoices/*/payments', times: 1 });
		await pay(id).catch(() => undefined);
		expect(paymentsOf(id)).toBe(1);
		expect(sandbox.requests().at(-1)).toMatchObject({ method: 'POST', fault: kind, applied: true });
		// The rule is used up: the next payment is answered normally.
		expect((await pay(id)).status).toBe(201);
	});

	test('truncated after: half of the real answer reaches the client', async () => {
		const id = await createOpen(sandbox, api);
		sandbox.setFault({ kind: 'truncated', phase: 'after', path: '/invoices/:id', method: 'GET', times: 1 });
		const error = await api.get(`/invoices/${id}`).catch((caught: { partialText: string }) => caught);
		expect(error).toMatchObject({ code: 'ECONNRESET', partialText: expect.stringMatching(/^\{"invoice":\{"id":\d+/) });
		const full = (await api.get(`/invoices/${id}`)).text;
		expect((error as { partialText: string }).partialText).toBe(full.slice(0, Math.floor(Buffer.byteLength(full) / 2)));
	});

	test('slow after: the write is applied at once, the answer comes late (a client that gives up must not re-send)', async () => {
		const id = await createOpen(sandbox, api);
		sandbox.setFault({ kind: 'slow', phase: 'after', delayMs: 400, times: 1 });
		const pending = pay(id);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(paymentsOf(id)).toBe(1);
		expect((await pending).status).toBe(201);
	});
});

describe('matching', () => {
	test('times: only the next K matching requests', async () => {
		sandbox.setFault({ kind: '500', times: 2 });
		const statuses = [];
		for (let count = 0; count < 4; count++) statuses.push((await api.get('/invoice_item_categories')).status);
		expect(statuses).toEqual([500, 500, 200, 200]);
		expect(sandbox.faults()).toEqual([]);
	});

	test('method and path patterns: ":id" and "*" match one segment, "**" the rest; both spellings of a path match', async () => {
		const id = await createOpen(sandbox, api);
		sandbox.setFault({ kind: '502', method: 'GET', path: '/invoices/:id/payments' });
		expect((await api.get(`/invoices/${id}/payments`)).status).toBe(502);
		expect((await api.get(`/invoice/${id}/payments`)).status).toBe(502);
		expect((await api.get(`/invoices/${id}`)).status).toBe(200);
		expect((await pay(id)).status).toBe(201);
		sandbox.clearFaults();
		sandbox.setFault({ kind: '500', path: '/invoices/**' });
		expect((await api.get('/invoices')).status).toBe(500);
		expect((await api.get(`/invoices/${id}/messages`)).status).toBe(500);
		expect((await api.get('/invoice_item_categories')).status).toBe(200);
		sandbox.clearFaults();
		sandbox.setFault({ kind: '500', path: /^\/invoices\/\d+$/ });
		expect((await api.get(`/invoices/${id}`)).status).toBe(500);
		expect((await api.get('/invoices')).status).toBe(200);
	});

	test('probability with a seed: the same requests fail the same way every time', async () => {
		const run = async () => {
			sandbox.clearFaults();
			sandbox.setFault({ kind: '500', probability: 0.3, seed: 42 });
			const statuses: number[] = [];
			for (let count = 0; count < 40; count++) statuses.push((await api.get('/invoice_item_categories')).status);
			return statuses;
		};
		const first = await run();
		expect(await run()).toEqual(first);
		const failures = first.filter((status) => status === 500).length;
		expect(failures).toBeGreaterThan(4);
		expect(failures).toBeLessThan(24);
	});

	test('the first matching rule wins; clearFaults removes them all', async () => {
		sandbox.setFault({ kind: '502', path: '/invoices' });
		sandbox.setFault({ kind: '500' });
		expect((await api.get('/invoices')).status).toBe(502);
		expect((await api.get('/invoice_item_categories')).status).toBe(500);
		sandbox.clearFaults();
		expect((await api.get('/invoices')).status).toBe(200);
	});

	test('bad rules are refused', () => {
		expect(() => sandbox.setFault({ kind: 'explode' } as unknown as FaultRule)).toThrow(/Unknown fault kind "explode"/);
		expect(() => sandbox.setFault({ kind: '500', times: 0 })).toThrow('fault.times must be a whole number > 0');
		expect(() => sandbox.setFault({ kind: '500', probability: 2 })).toThrow('fault.probability must be between 0 and 1');
	});

	test('over HTTP: POST /__sandbox/faults sets a rule, GET lists it, DELETE clears; control routes are never faulted', async () => {
		sandbox.setFault({ kind: 'reset' });
		const set = await send(`${sandbox.url}/__sandbox/faults`, 'POST', { body: { kind: '502', method: 'GET', path: '/invoices', times: 1 } });
		expect(set.status).toBe(201);
		const listed = (await send(`${sandbox.url}/__sandbox/faults`, 'GET')).json();
		expect(listed).toEqual([{ kind: 'reset' }, { kind: '502', method: 'GET', path: '/invoices', times: 1 }]);
		expect((await send(`${sandbox.url}/__sandbox/faults`, 'DELETE')).status).toBe(200);
		expect(sandbox.faults()).toEqual([]);
		expect((await send(`${sandbox.url}/__sandbox/faults`, 'POST', { body: { kind: 'nope' } })).status).toBe(400);
	});
});
