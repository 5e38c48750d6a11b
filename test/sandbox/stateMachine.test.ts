/**
 * The invoice state machine through the API: every transition, every refusal (422 with a message),
 * payments and their effect on due-amount, and updated-at bumped by every change.
 */
import { startSandbox, type Invoice, type InvoiceState, type Sandbox } from './index';
import { harvest, idFromLocation, type HarvestClient } from './testing/client';
import { createDraft, createOpen } from './testing/invoices';

let sandbox: Sandbox;
let api: HarvestClient;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 0 });
	api = harvest(sandbox);
});
afterAll(() => sandbox.stop());

const stored = (id: number) => sandbox.store.invoices.get(id) as Invoice;
/** The sandbox clock as Harvest writes datetimes. */
const stamp = () => sandbox.now().toISOString().slice(0, 19) + 'Z';
const pay = (id: number, amount: unknown, paidAt: unknown = '2026-06-12') => api.post(`/invoices/${id}/payments`, { payment: { amount, paid_at: paidAt } });
const event = (id: number, name: string, body?: string) => api.post(`/invoices/${id}/messages/${name}`, body === undefined ? {} : { invoice_message: { body } });
const send = (id: number) => api.post(`/invoices/${id}/messages`, { message: { recipients: 'ap@client.example', body: 'Please pay' } });

/** An invoice of 1000.00 in the given state, built through the API. */
async function invoiceIn(state: InvoiceState | 'closed-partial'): Promise<number> {
	switch (state) {
		case 'draft':
			return createDraft(sandbox, api);
		case 'open':
			return createOpen(sandbox, api);
		case 'partial':
			return createOpen(sandbox, api, [400]);
		case 'paid':
			return createOpen(sandbox, api, [400, 600]);
		case 'closed': {
			const id = await createOpen(sandbox, api);
			await event(id, 'mark_as_closed');
			return id;
		}
		case 'closed-partial': {
			const id = await createOpen(sandbox, api, [250]);
			await event(id, 'mark_as_closed');
			return id;
		}
	}
}

describe('allowed transitions', () => {
	test.each([
		['draft', 'send', 'open'],
		['draft', 'mark_as_sent', 'open'],
		['open', 'mark_as_draft', 'draft'],
		['open', 'send', 'open'],
		['partial', 'send', 'partial'],
		['paid', 'send', 'paid'],
		['open', 'mark_as_closed', 'closed'],
		['partial', 'mark_as_closed', 'closed'],
		['closed', 're_open', 'open'],
		['closed-partial', 're_open', 'partial'],
	] as const)('%s --%s--> %s (200, or 201 for send), recorded in the message history', async (from, action, to) => {
		const id = await invoiceIn(from);
		const messagesBefore = sandbox.store.messagesOf(id).length;
		sandbox.advanceClock(60_000);
		const response = action === 'send' ? await send(id) : await event(id, action, 'A note');
		expect(response.status).toBe(action === 'send' ? 201 : 200);
		expect(stored(id).state).toBe(to);
		expect(stored(id).updatedAt).toBe(stamp());
		expect(sandbox.store.messagesOf(id)).toHaveLength(messagesBefore + 1);
	});

	test('payments: open -> partial -> paid; due-amount follows; deleting payments goes back paid -> partial -> open', async () => {
		const id = await invoiceIn('open');
		expect(stored(id)).toMatchObject({ state: 'open', dueAmount: 1000 });
		const first = await pay(id, 300);
		expect(first.status).toBe(201);
		expect(stored(id)).toMatchObject({ state: 'partial', dueAmount: 700 });
		const second = await pay(id, '700.00');
		expect(stored(id)).toMatchObject({ state: 'paid', dueAmount: 0 });
		sandbox.advanceClock(60_000);
		expect((await api.delete(String(second.headers.location))).status).toBe(200);
		expect(stored(id)).toMatchObject({ state: 'partial', dueAmount: 700, updatedAt: stamp() });
		// The seed's DELETE example forgets a slash (/payments{PAYMENTID}); that spelling works too.
		expect((await api.delete(`/invoice/${id}/payments${idFromLocation(first)}`)).status).toBe(200);
		expect(stored(id)).toMatchObject({ state: 'open', dueAmount: 1000 });
	});

	test('one payment of the whole amount: open -> paid; deleting it: paid -> open', async () => {
		const id = await invoiceIn('open');
		const payment = await pay(id, 1000);
		expect(stored(id).state).toBe('paid');
		await api.delete(String(payment.headers.location));
		expect(stored(id).state).toBe('open');
	});

	test('payments on a draft (as real Harvest takes them): it stays draft while partly paid, is paid when nothing is left due, and is a draft again when its payments go', async () => {
		const id = await invoiceIn('draft');
		const first = await pay(id, 400);
		expect(first.status).toBe(201);
		expect(stored(id)).toMatchObject({ state: 'draft', dueAmount: 600 });
		const second = await pay(id, 600);
		expect(stored(id)).toMatchObject({ state: 'paid', dueAmount: 0 });
		await api.delete(String(second.headers.location));
		expect(stored(id)).toMatchObject({ state: 'draft', dueAmount: 600 });
		await api.delete(String(first.headers.location));
		expect(stored(id)).toMatchObject({ state: 'draft', dueAmount: 1000 });
	});

	test.each([
		['mark_as_sent', 'partial'],
		['send', 'partial'],
	] as const)('a partly paid draft --%s--> %s; a paid draft sent afterwards goes back to open, not draft, without payments', async (action, to) => {
		const id = await invoiceIn('draft');
		await pay(id, 250);
		expect((action === 'send' ? await send(id) : await event(id, action)).status).toBeLessThan(300);
		expect(stored(id)).toMatchObject({ state: to, dueAmount: 750 });
		const paidDraft = await invoiceIn('draft');
		const payment = await pay(paidDraft, 1000);
		await send(paidDraft);
		expect(stored(paidDraft).state).toBe('paid');
		await api.delete(String(payment.headers.location));
		expect(stored(paidDraft).state).toBe('open');
	});

	test('an update that lowers a partly paid draft to what was paid makes it paid; raising it again makes it a draft', async () => {
		const id = await invoiceIn('draft');
		await pay(id, 500);
		const line = (amount: number) => `kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nService,Work,1,${amount},${amount},false,false,\n`;
		expect((await api.put(`/invoices/${id}`, { invoice: { csv_line_items: line(500) } })).status).toBe(200);
		expect(stored(id)).toMatchObject({ state: 'paid', dueAmount: 0 });
		await api.put(`/invoices/${id}`, { invoice: { csv_line_items: line(800) } });
		expect(stored(id)).toMatchObject({ state: 'draft', dueAmount: 300 });
	});

	test('deleting a payment of a closed invoice keeps it closed and recomputes due-amount', async () => {
		const id = await invoiceIn('closed-partial');
		const paymentId = sandbox.store.paymentsOf(id)[0].id;
		expect(stored(id).dueAmount).toBe(750);
		await api.delete(`/invoices/${id}/payments/${paymentId}`);
		expect(stored(id)).toMatchObject({ state: 'closed', dueAmount: 1000 });
	});

	test('a message sent on a paid invoice is a thank-you note', async () => {
		const id = await invoiceIn('paid');
		const response = await send(id);
		const message = (await api.get(String(response.headers.location))).json().message;
		expect(message).toMatchObject({ thank_you: true, full_recipient_list: 'ap@client.example', body: 'Please pay' });
	});

	test('a message to a known contact names them in full-recipient-list; several recipients are comma separated', async () => {
		const id = await invoiceIn('open');
		const contact = [...sandbox.store.contacts.values()][0];
		const response = await api.post(`/invoices/${id}/messages`, { message: { recipients: `${contact.email}, other@example.com` } });
		expect(sandbox.store.messages.get(idFromLocation(response))?.fullRecipientList).toBe(`"${contact.firstName} ${contact.lastName}" <${contact.email}>, other@example.com`);
	});

	test('deleting a message keeps the state and bumps updated-at', async () => {
		const id = await invoiceIn('draft');
		const response = await send(id);
		sandbox.advanceClock(60_000);
		expect((await api.delete(String(response.headers.location))).status).toBe(200);
		expect(stored(id).state).toBe('open');
		expect(stored(id).updatedAt).toBe(stamp());
		expect((await api.get(String(response.headers.location))).status).toBe(404);
	});
});

describe('refused transitions: 422 with a message, nothing changes', () => {
	test.each([
		['open', 'mark_as_sent', 'Only a draft invoice can be marked as sent (this one is open)'],
		['partial', 'mark_as_sent', 'Only a draft invoice can be marked as sent (this one is partial)'],
		['draft', 'mark_as_draft', 'Only an open invoice without payments can go back to draft (this one is draft)'],
		['partial', 'mark_as_draft', 'Only an open invoice without payments can go back to draft (this one is partial)'],
		['paid', 'mark_as_draft', 'Only an open invoice without payments can go back to draft (this one is paid)'],
		['closed', 'mark_as_draft', 'Only an open invoice without payments can go back to draft (this one is closed)'],
		['draft', 'mark_as_closed', 'Only an open or partially paid invoice can be closed (this one is draft)'],
		['paid', 'mark_as_closed', 'Only an open or partially paid invoice can be closed (this one is paid)'],
		['closed', 'mark_as_closed', 'Only an open or partially paid invoice can be closed (this one is closed)'],
		['open', 're_open', 'Only a closed invoice can be re-opened (this one is open)'],
		['draft', 're_open', 'Only a closed invoice can be re-opened (this one is draft)'],
		['closed', 'send', 'A closed invoice cannot be sent; re-open it first'],
	] as const)('%s --%s--> 422', async (from, action, message) => {
		const id = await invoiceIn(from);
		const before = structuredClone(stored(id));
		const messages = sandbox.store.messagesOf(id).length;
		sandbox.advanceClock(60_000);
		const response = action === 'send' ? await send(id) : await event(id, action);
		expect(response.status).toBe(422);
		expect(response.json()).toEqual({ message });
		expect(stored(id)).toEqual(before);
		expect(sandbox.store.messagesOf(id)).toHaveLength(messages);
	});

	test.each([
		['draft', 1000.01, 'Amount (1000.01) is more than the amount due (1000)'],
		['closed', 1, 'A payment cannot be recorded on a closed invoice; re-open it first'],
		['paid', 1, 'This invoice is already paid'],
		['partial', 600.01, 'Amount (600.01) is more than the amount due (600)'],
		['open', 0, 'Amount must be greater than 0'],
		['open', -5, 'Amount must be greater than 0'],
		['open', 'lots', 'Amount must be a number'],
		['open', undefined, "Amount can't be blank"],
	] as const)('a payment on %s of %s -> 422', async (from, amount, message) => {
		const id = await invoiceIn(from);
		const before = structuredClone(stored(id));
		const response = await pay(id, amount);
		expect(response.status).toBe(422);
		expect(response.json()).toEqual({ message });
		expect(stored(id)).toEqual(before);
	});

	test.each([
		[undefined, "Paid-at can't be blank"],
		['yesterday', 'Paid-at must be a date or a datetime (YYYY-MM-DDTHH:MM:SSZ)'],
	])('paid-at %j -> 422', async (paidAt, message) => {
		const id = await invoiceIn('open');
		const response = await api.post(`/invoices/${id}/payments`, { payment: { amount: 10, ...(paidAt ? { paid_at: paidAt } : {}) } });
		expect(response.status).toBe(422);
		expect(response.json().message).toBe(message);
	});

	test('a message without recipients, or with one that is not an email, is a 422', async () => {
		const id = await invoiceIn('draft');
		expect((await api.post(`/invoices/${id}/messages`, { message: { body: 'x' } })).json()).toEqual({ message: "Recipients can't be blank" });
		expect((await api.post(`/invoices/${id}/messages`, { message: { recipients: 'a@b.example, nobody' } })).json()).toEqual({ message: 'Recipients must be email addresses: nobody' });
		expect(stored(id).state).toBe('draft');
	});
});

test('an XML payment types its amount as the seeds do (<amount type="decimal">300.0</amount>)', async () => {
	const id = await invoiceIn('open');
	const body = '<payment><paid-at type="datetime">2015-04-24T00:00:00Z</paid-at><amount type="decimal">300.0</amount><notes>Payment notes.</notes></payment>';
	const response = await harvest(sandbox, { format: 'xml' }).post(`/invoices/${id}/payments`, body);
	expect(response.status).toBe(201);
	expect(stored(id)).toMatchObject({ state: 'partial', dueAmount: 700 });
});

test('payments are listed and read with their fields; paid-at as a date becomes midnight UTC', async () => {
	const id = await invoiceIn('open');
	const created = await api.post(`/invoices/${id}/payments`, { payment: { amount: 12.5, paid_at: '2026-06-01', notes: 'Wire' } });
	const listed = (await api.get(`/invoices/${id}/payments`)).json();
	expect(listed).toEqual([{ payment: expect.objectContaining({ id: idFromLocation(created), invoice_id: id, amount: 12.5, paid_at: '2026-06-01T00:00:00Z', notes: 'Wire', recorded_by: 'Demo User', recorded_by_email: 'demo@example.com', created_at: stamp() }) }]);
	expect((await api.get(String(created.headers.location))).json()).toEqual({ payment: listed[0].payment });
});
