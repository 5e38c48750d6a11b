/**
 * The invoice list: every filter alone and combined (checked against a plain reading of the store),
 * the order, the page size, the boundaries of each filter, and 422 for filters it cannot read.
 */
import { startSandbox, type Invoice, type Sandbox } from './index';
import { harvest, type HarvestClient } from './testing/client';
import { createOpen } from './testing/invoices';

let sandbox: Sandbox;
let api: HarvestClient;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 400 });
	api = harvest(sandbox);
});
afterAll(() => sandbox.stop());

/** Every page of the list, as the ids of the entries; checks the page size on the way. */
async function allIds(query: string): Promise<number[]> {
	const ids: number[] = [];
	for (let page = 1; ; page++) {
		const response = await api.get(`/invoices?${query}${query ? '&' : ''}page=${page}`);
		expect(response.status).toBe(200);
		const entries = response.json() as Array<{ invoices: { id: number } }>;
		expect(entries.length).toBeLessThanOrEqual(50);
		ids.push(...entries.map((entry) => entry.invoices.id));
		if (entries.length < 50) return ids;
	}
}

interface Filter {
	from?: string;
	to?: string;
	updated_since?: string;
	status?: string;
	client?: number;
}

/** What the seed docs say each filter means, read directly off the store. */
function expectedIds(filter: Filter): number[] {
	const today = sandbox.now().toISOString().slice(0, 10);
	const compact = (date: string) => `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
	const since = filter.updated_since ? `${filter.updated_since.replace(' ', 'T')}:00Z` : undefined;
	const unpaid = (invoice: Invoice) => invoice.state === 'open' || invoice.state === 'partial';
	return [...sandbox.store.invoices.values()]
		.filter((invoice) => !filter.from || invoice.issuedAt >= compact(filter.from))
		.filter((invoice) => !filter.to || invoice.issuedAt <= compact(filter.to))
		.filter((invoice) => !since || invoice.updatedAt >= since)
		.filter((invoice) => filter.client === undefined || invoice.clientId === filter.client)
		.filter((invoice) => {
			switch (filter.status) {
				case undefined: return true;
				case 'unpaid': return unpaid(invoice);
				case 'pastdue': return unpaid(invoice) && invoice.dueAt < today;
				default: return invoice.state === filter.status;
			}
		})
		.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.id - a.id)
		.map((invoice) => invoice.id);
}

function toQuery(filter: Filter): string {
	return new URLSearchParams(Object.entries(filter).map(([key, value]): [string, string] => [key, String(value)])).toString();
}

const aClient = () => [...sandbox.store.clients.keys()][2];

describe('each filter and their combinations match the store, in order', () => {
	const cases: Array<[string, () => Filter]> = [
		['no filter', () => ({})],
		['from', () => ({ from: '20260101' })],
		['to', () => ({ to: '20251231' })],
		['from + to', () => ({ from: '20250301', to: '20250331' })],
		['updated_since', () => ({ updated_since: '2026-05-01 08:30' })],
		...(['open', 'partial', 'draft', 'paid', 'closed', 'unpaid', 'pastdue'] as const).map((status): [string, () => Filter] => [`status=${status}`, () => ({ status })]),
		['client', () => ({ client: aClient() })],
		['status + client', () => ({ status: 'paid', client: aClient() })],
		['pastdue + from', () => ({ status: 'pastdue', from: '20260401' })],
		['unpaid + updated_since + client', () => ({ status: 'unpaid', updated_since: '2026-04-01 00:00', client: aClient() })],
		['all five', () => ({ from: '20240101', to: '20261231', updated_since: '2025-01-01 00:00', status: 'paid', client: aClient() })],
	];

	test.each(cases)('%s', async (_name, makeFilter) => {
		const filter = makeFilter();
		const expected = expectedIds(filter);
		expect(await allIds(toQuery(filter))).toEqual(expected);
	});

	test('the seeded data gives each filter something to find, and something to leave out', () => {
		for (const [, makeFilter] of cases.slice(1)) {
			const count = expectedIds(makeFilter()).length;
			expect(count).toBeGreaterThan(0);
			expect(count).toBeLessThan(sandbox.store.invoices.size);
		}
	});
});

describe('boundaries', () => {
	test('from/to include both ends (issue date), and accept YYYY-MM-DD too', async () => {
		const invoice = [...sandbox.store.invoices.values()][100];
		const day = invoice.issuedAt.replace(/-/g, '');
		expect(await allIds(`from=${day}&to=${day}`)).toContain(invoice.id);
		expect(await allIds(`from=${invoice.issuedAt}&to=${invoice.issuedAt}`)).toEqual(await allIds(`from=${day}&to=${day}`));
	});

	test('updated_since has minute precision: updated at 10:30:59 is found by "10:30", not by "10:31"', async () => {
		const invoice = [...sandbox.store.invoices.values()][5];
		invoice.updatedAt = '2026-06-16T10:30:59Z';
		expect(await allIds('updated_since=2026-06-16+10%3A30')).toEqual([invoice.id]);
		expect(await allIds('updated_since=2026-06-16 10:30:45')).toEqual([invoice.id]);
		expect(await allIds('updated_since=2026-06-16+10%3A31')).toEqual([]);
	});

	test('a change made through the API is found by updated_since at the sandbox clock\'s minute', async () => {
		sandbox.setClock('2026-06-20T09:15:42Z');
		const id = await createOpen(sandbox, api);
		expect(await allIds('updated_since=2026-06-20+09%3A15')).toEqual([id]);
		expect(await allIds('updated_since=2026-06-20+09%3A16')).toEqual([]);
	});

	test('pastdue is decided by the sandbox clock: due yesterday is past due, due today is not', async () => {
		sandbox.setClock('2026-07-01T12:00:00Z');
		const id = await createOpen(sandbox, api);
		sandbox.store.invoices.get(id)!.dueAt = '2026-07-01';
		expect(await allIds('status=pastdue')).not.toContain(id);
		sandbox.advanceClock(24 * 3600 * 1000);
		expect(await allIds('status=pastdue')).toContain(id);
	});

	test('closed (written-off) invoices are listed by status=closed, as real Harvest does, and by no other status', async () => {
		const closed = [...sandbox.store.invoices.values()].filter((invoice) => invoice.state === 'closed').map((invoice) => invoice.id);
		expect(closed.length).toBeGreaterThan(0);
		expect((await allIds('status=closed')).sort()).toEqual(closed.sort());
		for (const status of ['open', 'partial', 'draft', 'paid', 'unpaid', 'pastdue']) expect(await allIds(`status=${status}`)).not.toContain(closed[0]);
		expect(await allIds('')).toContain(closed[0]);
	});

	test('page beyond the last is an empty list; the list carries no line items', async () => {
		const response = await api.get('/invoices?page=999');
		expect(response.status).toBe(200);
		expect(response.json()).toEqual([]);
		expect((await api.get('/invoices')).text).not.toMatch(/csv_line_items|line_items/);
	});

	test('an unknown client is an empty list', async () => {
		expect(await allIds('client=999999')).toEqual([]);
	});

	test.each([
		['page=0', 'page must be a whole number starting at 1'],
		['page=two', 'page must be a whole number starting at 1'],
		['from=2026-13-01', 'from must be a date written YYYYMMDD'],
		['to=tomorrow', 'to must be a date written YYYYMMDD'],
		['updated_since=yesterday', 'updated_since must be a UTC date and time written YYYY-MM-DD HH:MM'],
		['updated_since=2026-06-01+25%3A00', 'updated_since must be a UTC date and time written YYYY-MM-DD HH:MM'],
		['status=late', 'status must be one of open, partial, draft, paid, closed, unpaid, pastdue'],
		['client=acme', 'client must be a client id'],
	])('%s -> 422', async (query, message) => {
		const response = await api.get(`/invoices?${query}`);
		expect(response.status).toBe(422);
		expect(response.json()).toEqual({ message });
	});
});
