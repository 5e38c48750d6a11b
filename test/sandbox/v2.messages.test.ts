/** v2 invoice messages: record shape, cursor pagination, emails and the state machine through event_type. */
import { startSandbox, type Invoice, type Sandbox } from './index';
import { harvest, harvestV2, walkV2, type HarvestV2Client } from './testing/client';

let sandbox: Sandbox;
let api: HarvestV2Client;

beforeAll(async () => {
	sandbox = await startSandbox({ throttle: false, invoices: 0 });
	api = harvestV2(sandbox);
});
afterAll(() => sandbox.stop());

const MESSAGE_KEYS = [
	'id', 'sent_by', 'sent_by_email', 'sent_from', 'sent_from_email', 'recipients', 'subject', 'body', 'include_link_to_client_invoice',
	'attach_pdf', 'send_me_a_copy', 'thank_you', 'event_type', 'reminder', 'send_reminder_on', 'created_at', 'updated_at',
];
const stored = (id: number) => sandbox.store.invoices.get(id) as Invoice;
const recipients = [{ name: 'Ada Novak', email: 'ada@client.example' }];

async function draft(): Promise<number> {
	const response = await api.post('/invoices', { client_id: [...sandbox.store.clients.keys()][0], line_items: [{ kind: 'Service', unit_price: 1000 }] });
	if (response.status !== 201) throw new Error(response.text);
	return response.json().id;
}
const post = (id: number, body: Record<string, unknown>) => api.post(`/invoices/${id}/messages`, body);
const event = (id: number, eventType: string) => post(id, { event_type: eventType });
const v2State = (id: number) => api.get(`/invoices/${id}`).then((response) => response.json().state);

test('an email without event_type: 201 with the message, the draft opens; names are kept', async () => {
	const id = await draft();
	const response = await post(id, { recipients, subject: 'Your invoice', body: 'Please pay', attach_pdf: true });
	expect(response.status).toBe(201);
	const message = response.json();
	expect(Object.keys(message)).toEqual(MESSAGE_KEYS);
	expect(message).toMatchObject({ recipients, subject: 'Your invoice', body: 'Please pay', attach_pdf: true, event_type: null, thank_you: false });
	expect(await v2State(id)).toBe('open');
	expect((await api.get(`/invoices/${id}`)).json().sent_at).toBe(message.created_at);
	const v1 = (await harvest(sandbox).get(`/invoices/${id}/messages`)).json()[0].message;
	expect(v1.full_recipient_list).toBe('"Ada Novak" <ada@client.example>');
});

test('an email needs recipients or send_me_a_copy', async () => {
	const id = await draft();
	const refused = await post(id, { subject: 'x' });
	expect(refused.status).toBe(422);
	expect(refused.json().message).toMatch(/Recipients/);
	expect(stored(id).state).toBe('draft');
	expect((await post(id, { send_me_a_copy: true })).status).toBe(201);
	expect((await post(id, { recipients: [{ name: 'x', email: 'not-an-email' }] })).status).toBe(422);
});

test('event_type send marks a draft as sent without email; on anything but a draft it is Harvest\'s 422', async () => {
	const id = await draft();
	const sent = await event(id, 'send');
	expect(sent.status).toBe(201);
	expect(sent.json()).toMatchObject({ event_type: 'send', recipients: [] });
	expect(await v2State(id)).toBe('open');
	const again = await event(id, 'send');
	expect(again.status).toBe(422);
	expect(again.json()).toEqual({ message: "Event type can't be send unless invoice is a draft" });
});

test('close, re-open and draft follow v1\'s state rules', async () => {
	const id = await draft();
	expect((await event(id, 'close')).status).toBe(422); // a draft cannot be written off
	await event(id, 'send');
	expect((await event(id, 'close')).json().event_type).toBe('close');
	expect(await v2State(id)).toBe('closed');
	expect((await api.get(`/invoices/${id}`)).json().closed_at).not.toBeNull();
	expect((await event(id, 'draft')).status).toBe(422);
	expect((await event(id, 're-open')).status).toBe(201);
	expect(await v2State(id)).toBe('open');
	expect((await event(id, 'draft')).status).toBe(201);
	expect(await v2State(id)).toBe('draft');
	expect((await api.get(`/invoices/${id}`)).json().sent_at).toBeNull();
	// A partly paid invoice is open on v2 (partial in the store) and can be closed, not drafted.
	await event(id, 'send');
	await api.post(`/invoices/${id}/payments`, { amount: 100, paid_date: '2026-06-10' });
	expect(stored(id).state).toBe('partial');
	expect(await v2State(id)).toBe('open');
	expect((await event(id, 'draft')).status).toBe(422);
	expect((await event(id, 'close')).status).toBe(201);
});

test('an email on a closed invoice is refused; view and unknown events are not invoice events', async () => {
	const id = await draft();
	await event(id, 'send');
	await event(id, 'close');
	expect((await post(id, { recipients })).status).toBe(422);
	for (const eventType of ['view', 'mark_as_sent', 'open']) {
		const response = await event(id, eventType);
		expect(response.status).toBe(422);
		expect(response.json().message).toMatch(/Event type/);
	}
});

test('v1 state changes show their event_type on v2', async () => {
	const id = await draft();
	await harvest(sandbox).post(`/invoices/${id}/messages/mark_as_sent`, {});
	const [message] = (await api.get(`/invoices/${id}/messages`)).json().invoice_messages;
	expect(message.event_type).toBe('send');
});

test('cursor pagination: per_page 2 over 5 messages is 3 pages; links.next reads each message once', async () => {
	const id = await draft();
	for (let index = 0; index < 5; index++) await post(id, { recipients, subject: `Message ${index}` });
	const first = (await api.get(`/invoices/${id}/messages?per_page=2`)).json();
	expect(first).toMatchObject({ per_page: 2, total_entries: 5, total_pages: 3, page: 1, next_page: 2, previous_page: null });
	expect(first.links.next).toMatch(new RegExp(`^${sandbox.url}/v2/invoices/${id}/messages\\?cursor=[^&]+&per_page=2&ref=next_cursor$`));
	const { records, pages } = await walkV2(api, `/invoices/${id}/messages?per_page=2`, 'invoice_messages');
	expect(pages).toHaveLength(3);
	// page/next_page/previous_page are null except on the first and last pages: following next_page stops early.
	expect(pages.map((page) => [page.page, page.next_page, page.previous_page])).toEqual([[1, 2, null], [null, null, null], [3, null, 2]]);
	expect(pages[1].links.previous).toBe(first.links.first.replace('ref=first', 'ref=previous_cursor'));
	const ids = records.map((message) => message.id);
	expect(ids).toEqual(sandbox.store.messagesOf(id).map((message) => message.id).sort((a, b) => a - b));
	expect(new Set(ids).size).toBe(5);
	expect((await api.get(`/invoices/${id}/messages`)).json().per_page).toBe(2000);
	expect((await api.get(`/invoices/${id}/messages?cursor=bogus`)).status).toBe(422);
});

test('DELETE a message: 200 and empty; no GET of one message', async () => {
	const id = await draft();
	const message = (await post(id, { recipients })).json();
	expect((await api.get(`/invoices/${id}/messages/${message.id}`)).status).toBe(404);
	const deleted = await api.delete(`/invoices/${id}/messages/${message.id}`);
	expect(deleted.status).toBe(200);
	expect(deleted.text).toBe('');
	expect((await api.get(`/invoices/${id}/messages`)).json().invoice_messages).toEqual([]);
	expect(await v2State(id)).toBe('open');
});

test('messages/new proposes subject, body and the client\'s contacts; thank_you and reminder templates', async () => {
	const id = await draft();
	const template = (await api.get(`/invoices/${id}/messages/new`)).json();
	expect(Object.keys(template)).toEqual(['invoice_id', 'recipients', 'subject', 'body', 'reminder', 'thank_you']);
	expect(template.invoice_id).toBe(id);
	expect(template.recipients.length).toBeGreaterThan(0);
	expect((await api.get(`/invoices/${id}/messages/new?thank_you=true`)).json()).toMatchObject({ thank_you: true, subject: expect.stringMatching(/Thank you/) });
	expect((await api.get(`/invoices/${id}/messages/new?reminder=true`)).json()).toMatchObject({ reminder: true, subject: expect.stringMatching(/Reminder/) });
});
