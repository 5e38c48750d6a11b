/** 10,000 seeded invoices (how fast they seed is a benchmark figure, not asserted here): walking every page sees each invoice exactly once, in order. */
import { PAGE_SIZE, startSandbox, type Sandbox } from './index';
import { harvest } from './testing/client';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 10_000 });
});
afterAll(() => sandbox.stop());

test('10,000 seeded invoices cover every state, past and future due dates', () => {
	expect(sandbox.store.invoices.size).toBe(10_000);
	const states = new Set([...sandbox.store.invoices.values()].map((invoice) => invoice.state));
	expect([...states].sort()).toEqual(['closed', 'draft', 'open', 'paid', 'partial']);
	const today = sandbox.now().toISOString().slice(0, 10);
	const unpaid = [...sandbox.store.invoices.values()].filter((invoice) => invoice.state === 'open' || invoice.state === 'partial');
	expect(unpaid.some((invoice) => invoice.dueAt < today)).toBe(true);
	expect(unpaid.some((invoice) => invoice.dueAt >= today)).toBe(true);
});

test('200 pages of 50, then an empty page; no invoice twice, none missing; issued-at then id, newest first', async () => {
	const api = harvest(sandbox);
	const seen: Array<{ id: number; issued_at: string }> = [];
	let page = 1;
	for (; ; page++) {
		const entries = (await api.get(`/invoices?page=${page}`)).json() as Array<{ invoices: { id: number; issued_at: string } }>;
		if (entries.length < PAGE_SIZE) {
			expect(entries).toEqual([]);
			break;
		}
		seen.push(...entries.map((entry) => entry.invoices));
	}
	expect(page).toBe(201);
	expect(new Set(seen.map((entry) => entry.id)).size).toBe(10_000);
	const outOfOrder = seen.findIndex((current, index) => {
		const previous = seen[index - 1];
		return index > 0 && !(previous.issued_at > current.issued_at || (previous.issued_at === current.issued_at && previous.id > current.id));
	});
	expect(outOfOrder).toBe(-1);
});

test('XML pages too', async () => {
	const response = await harvest(sandbox, { format: 'xml' }).get('/invoices?page=200');
	expect(response.text.match(/<invoice>/g)).toHaveLength(50);
});
