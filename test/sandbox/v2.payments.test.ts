/** v2 payments: shape, paid_at or paid_date, effect on state and due amount (as v1), cursor pagination, no single GET. */
import { startSandbox, type Invoice, type Sandbox } from './index';
import { harvest, harvestV2, walkV2, type HarvestV2Client } from './testing/client';

let sandbox: Sandbox;
let api: HarvestV2Client;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 0 });
	api = harvestV2(sandbox);
});
afterAll(() => sandbox.stop());

const PAYMENT_KEYS = [
	'id', 'amount', 'paid_at', 'paid_date', 'recorded_by', 'recorded_by_email', 'notes', 'transaction_id', 'payment_gateway', 'created_at', 'updated_at',
];
const stored = (id: number) => sandbox.store.invoices.get(id) as Invoice;

/** A sent invoice of 1000.00 (open). */
async function open(): Promise<number> {
	const response = await api.post('/invoices', { client_id: [...sandbox.store.clients.keys()][0], line_items: [{ kind: 'Service', unit_price: 1000 }] });
	const id = response.json().id as number;
	await api.post(`/invoices/${id}/messages`, { event_type: 'send' });
	return id;
}
const pay = (id: number, body: Record<string, unknown>) => api.post(`/invoices/${id}/payments`, body);

test('paid_at (a datetime): 201 with the payment as documented', async () => {
	const id = await open();
	const response = await pay(id, { amount: 250.5, paid_at: '2026-06-10T14:30:00Z', notes: 'Wire' });
	expect(response.status).toBe(201);
	const payment = response.json();
	expect(Object.keys(payment)).toEqual(PAYMENT_KEYS);
	expect(payment).toMatchObject({
		amount: 250.5, paid_at: '2026-06-10T14:30:00Z', paid_date: '2026-06-10', notes: 'Wire', recorded_by: 'Demo User',
		recorded_by_email: 'demo@example.com', transaction_id: null, payment_gateway: { id: null, name: null },
	});
});

test('paid_date (a date) is stored as midnight UTC; neither means today; both is a 422', async () => {
	const id = await open();
	expect((await pay(id, { amount: 10, paid_date: '2026-06-11' })).json()).toMatchObject({ paid_date: '2026-06-11', paid_at: '2026-06-11T00:00:00Z' });
	expect((await pay(id, { amount: 10 })).json().paid_date).toBe(sandbox.now().toISOString().slice(0, 10));
	const both = await pay(id, { amount: 10, paid_at: '2026-06-11T00:00:00Z', paid_date: '2026-06-11' });
	expect(both.status).toBe(422);
	expect(both.json().message).toMatch(/paid_at or paid_date/);
	expect((await pay(id, { amount: 10, paid_at: '2026-06-11' })).status).toBe(422);
	expect((await pay(id, { amount: 10, paid_date: 'June 11' })).status).toBe(422);
});

test('amount is required, > 0 and at most what is due', async () => {
	const id = await open();
	for (const body of [{}, { amount: 0 }, { amount: -5 }, { amount: 1000.01 }, { amount: 'lots' }]) {
		const response = await pay(id, body);
		expect(response.status).toBe(422);
		expect(Object.keys(response.json())).toEqual(['message']);
	}
	expect(sandbox.store.paymentsOf(id)).toHaveLength(0);
});

test('state and due_amount as v1: open (partial) -> paid; deleting a payment goes back', async () => {
	const id = await open();
	const first = (await pay(id, { amount: 400, paid_date: '2026-06-10' })).json();
	let invoice = (await api.get(`/invoices/${id}`)).json();
	expect(invoice).toMatchObject({ state: 'open', due_amount: 600, paid_at: null });
	expect(stored(id).state).toBe('partial');
	await pay(id, { amount: 600, paid_at: '2026-06-12T09:00:00Z' });
	invoice = (await api.get(`/invoices/${id}`)).json();
	expect(invoice).toMatchObject({ state: 'paid', due_amount: 0, paid_at: '2026-06-12T09:00:00Z', paid_date: '2026-06-12' });
	expect((await harvest(sandbox).get(`/invoices/${id}`)).json().invoice.state).toBe('paid');
	const deleted = await api.delete(`/invoices/${id}/payments/${first.id}`);
	expect(deleted.status).toBe(200);
	expect(deleted.text).toBe('');
	expect((await api.get(`/invoices/${id}`)).json()).toMatchObject({ state: 'open', due_amount: 400 });
	expect((await pay(id, { amount: 400, send_thank_you: 'maybe' })).status).toBe(422);
});

test('a payment recorded on v1 is listed on v2', async () => {
	const id = await open();
	await harvest(sandbox).post(`/invoices/${id}/payments`, { payment: { amount: 5, paid_at: '2026-06-01' } });
	expect((await api.get(`/invoices/${id}/payments`)).json().invoice_payments.map((payment: any) => payment.amount)).toEqual([5]);
});

test('cursor pagination: 5 payments at per_page 2 are 3 pages; links.next reads each once', async () => {
	const id = await open();
	for (let index = 0; index < 5; index++) await pay(id, { amount: 10 + index, paid_date: '2026-06-10' });
	const { records, pages } = await walkV2(api, `/invoices/${id}/payments?per_page=2`, 'invoice_payments');
	expect(pages).toHaveLength(3);
	expect(pages[0]).toMatchObject({ total_entries: 5, total_pages: 3, page: 1, next_page: 2 });
	expect(pages[1].links.next).toMatch(/cursor=.+&per_page=2&ref=next_cursor$/);
	expect(records.map((payment) => payment.amount)).toEqual([10, 11, 12, 13, 14]);
});

test('no GET of one payment and no update', async () => {
	const id = await open();
	const payment = (await pay(id, { amount: 10 })).json();
	expect((await api.get(`/invoices/${id}/payments/${payment.id}`)).status).toBe(404);
	expect((await api.patch(`/invoices/${id}/payments/${payment.id}`, { amount: 20 })).status).toBe(404);
});
