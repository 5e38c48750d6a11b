/**
 * The control interface, in process and over HTTP under /__sandbox/: reset, seed, clock, throttle,
 * invoices module, request log; deterministic seed data; the sandbox clock; clean stop.
 */
import { DEFAULT_NOW, startSandbox, type Sandbox } from './index';
import { harvest, send } from './testing/client';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 30, seed: 7 });
});
afterAll(() => sandbox.stop());

const control = (method: string, path: string, body?: unknown) => send(`${sandbox.url}/__sandbox${path}`, method, { body });

describe('seed data', () => {
	test('the same seed gives the same data; another seed gives other data', async () => {
		const snapshot = () => JSON.stringify({
			invoices: [...sandbox.store.invoices.values()], payments: [...sandbox.store.payments.values()], clients: [...sandbox.store.clients.values()],
			entries: [...sandbox.store.timeEntries.values()],
		});
		const first = snapshot();
		sandbox.seed({ seed: 7 });
		expect(snapshot()).toBe(first);
		const twin = await startSandbox({ throttle: false, invoices: 30, seed: 7 });
		try {
			const body = async (target: Sandbox) => (await harvest(target).get('/invoices')).text;
			expect(await body(twin)).toBe(await body(sandbox));
		} finally {
			await twin.stop();
		}
		sandbox.seed({ seed: 8 });
		expect(snapshot()).not.toBe(first);
		sandbox.seed({ seed: 7 });
	});

	test('everything seeded is dated at or before the sandbox clock; amounts and states are consistent', () => {
		const now = sandbox.now().toISOString().slice(0, 19) + 'Z';
		expect(sandbox.now().toISOString()).toBe(new Date(DEFAULT_NOW).toISOString());
		for (const invoice of sandbox.store.invoices.values()) {
			expect(invoice.createdAt <= now && invoice.updatedAt <= now && invoice.issuedAt <= now.slice(0, 10)).toBe(true);
			expect(invoice.updatedAt >= invoice.createdAt).toBe(true);
			const paid = sandbox.store.paymentsOf(invoice.id).reduce((sum, payment) => sum + payment.amount, 0);
			expect(invoice.dueAmount).toBeCloseTo(invoice.amount - paid, 2);
			if (invoice.state === 'paid') expect(invoice.dueAmount).toBe(0);
			if (invoice.state === 'partial') expect(paid > 0 && invoice.dueAmount > 0).toBe(true);
			if (invoice.state === 'open' || invoice.state === 'draft') expect(paid).toBe(0);
		}
		for (const payment of sandbox.store.payments.values()) expect(payment.paidAt <= now).toBe(true);
		for (const entry of sandbox.store.timeEntries.values()) expect(entry.spentAt < now.slice(0, 10)).toBe(true);
	});

	test('clients have contacts, projects have tasks and people, and there are hours and expenses to bill', () => {
		for (const client of sandbox.store.clients.values()) expect(sandbox.store.contactsOf(client.id).length).toBeGreaterThan(0);
		for (const project of sandbox.store.projects.values()) {
			expect(project.taskIds.length).toBeGreaterThan(1);
			expect(project.userIds.length).toBeGreaterThan(1);
		}
		expect(sandbox.store.timeEntries.size).toBeGreaterThan(100);
		expect(sandbox.store.expenseEntries.size).toBeGreaterThan(20);
	});
});

describe('in process', () => {
	test('advanceClock moves the sandbox clock (forward only); new records use it', async () => {
		const before = sandbox.now().getTime();
		sandbox.advanceClock(3_600_000);
		expect(sandbox.now().getTime()).toBe(before + 3_600_000);
		expect(() => sandbox.advanceClock(-1)).toThrow('The sandbox clock only moves forward');
		const response = await harvest(sandbox).post('/invoices', { invoice: { client_id: 1001 } });
		expect(sandbox.store.invoices.get(Number(String(response.headers.location).split('/')[2]))?.createdAt).toBe(sandbox.now().toISOString().slice(0, 19) + 'Z');
	});

	test('reset(options) starts over with new options; reset() goes back to the start options', async () => {
		sandbox.setFault({ kind: '500' });
		await harvest(sandbox).get('/invoices');
		sandbox.reset({ invoices: 4, now: '2030-01-01T00:00:00Z', throttle: { limit: 5, windowSeconds: 1 }, invoicesModule: false });
		expect(sandbox.store.invoices.size).toBe(4);
		expect(sandbox.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
		expect(sandbox.faults()).toEqual([]);
		expect(sandbox.requests()).toEqual([]);
		expect(sandbox.throttle()).toEqual({ limit: 5, windowSeconds: 1 });
		expect((await harvest(sandbox).get('/invoices')).status).toBe(404);
		sandbox.reset();
		expect(sandbox.store.invoices.size).toBe(30);
		expect(sandbox.now().toISOString()).toBe(new Date(DEFAULT_NOW).toISOString());
		expect(sandbox.throttle()).toBe(false);
		expect((await harvest(sandbox).get('/invoices')).status).toBe(200);
	});
});

describe('over HTTP (no auth, not logged)', () => {
	beforeEach(() => sandbox.reset());

	test('GET /__sandbox: a summary', async () => {
		const response = await control('GET', '');
		expect(response.status).toBe(200);
		expect(response.json()).toEqual({ url: sandbox.url, now: new Date(DEFAULT_NOW).toISOString(), login: sandbox.login, invoices: 30, throttle: false, faults: [] });
	});

	test('POST /__sandbox/reset and /__sandbox/seed', async () => {
		expect((await control('POST', '/reset', { invoices: 3, now: '2027-03-01T10:00:00Z' })).json()).toEqual({ ok: true, now: '2027-03-01T10:00:00.000Z' });
		expect(sandbox.store.invoices.size).toBe(3);
		expect((await control('POST', '/seed', { invoices: 12, seed: 3 })).json()).toEqual({ ok: true, invoices: 12 });
		expect(sandbox.now().toISOString()).toBe('2027-03-01T10:00:00.000Z');
		expect((await control('POST', '/reset')).status).toBe(200);
		expect(sandbox.store.invoices.size).toBe(30);
	});

	test('clock: GET, POST {advanceMs}, POST {now}; bad input is a 400', async () => {
		expect((await control('GET', '/clock')).json()).toEqual({ now: '2026-06-15T12:00:00.000Z' });
		expect((await control('POST', '/clock', { advanceMs: 86_400_000 })).json()).toEqual({ now: '2026-06-16T12:00:00.000Z' });
		expect((await control('POST', '/clock', { now: '2026-08-01T00:00:00Z' })).json()).toEqual({ now: '2026-08-01T00:00:00.000Z' });
		expect((await control('POST', '/clock', {})).status).toBe(400);
		expect((await control('POST', '/clock', { now: 'soon' })).json()).toEqual({ message: 'Not a valid instant for the sandbox clock: soon' });
	});

	test('requests: GET reads the log, DELETE clears it; control calls are not in it', async () => {
		await harvest(sandbox).get('/invoices?page=1');
		const log = (await control('GET', '/requests')).json();
		expect(log).toEqual([expect.objectContaining({ method: 'GET', path: '/invoices', query: { page: '1' }, status: 200 })]);
		expect((await control('DELETE', '/requests')).status).toBe(200);
		expect(sandbox.requests()).toEqual([]);
	});

	test('throttle: PUT {limit, windowSeconds} or false; GET reads it', async () => {
		expect((await control('PUT', '/throttle', { limit: 1, windowSeconds: 30 })).json()).toEqual({ throttle: { limit: 1, windowSeconds: 30 } });
		await harvest(sandbox).get('/invoices');
		expect((await harvest(sandbox).get('/invoices')).status).toBe(503);
		expect((await control('PUT', '/throttle', 'false')).json()).toEqual({ throttle: false });
		expect((await harvest(sandbox).get('/invoices')).status).toBe(200);
		expect((await control('GET', '/throttle')).json()).toEqual({ throttle: false });
		expect((await control('PUT', '/throttle', { limit: -1, windowSeconds: 1 })).status).toBe(400);
	});

	test('invoices-module: PUT {enabled}', async () => {
		await control('PUT', '/invoices-module', { enabled: false });
		expect((await harvest(sandbox).get('/account/who_am_i')).json().company.modules.invoices).toBe(false);
		await control('PUT', '/invoices-module', { enabled: true });
		expect((await harvest(sandbox).get('/account/who_am_i')).json().company.modules.invoices).toBe(true);
		expect((await control('PUT', '/invoices-module', { enabled: 'yes' })).status).toBe(400);
	});

	test('unknown control routes are a 404, bad JSON a 400', async () => {
		expect((await control('GET', '/nothing')).status).toBe(404);
		expect((await control('POST', '/reset', '{not json')).status).toBe(400);
	});
});

test('stop() closes the server and is safe to call twice; nothing answers afterwards', async () => {
	const temporary = await startSandbox({ invoices: 1 });
	await harvest(temporary).get('/invoices');
	await temporary.stop();
	await temporary.stop();
	await expect(harvest(temporary).get('/invoices')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
});
