import { startSandbox, type Sandbox } from '../../sandbox';
import { draftInvoice } from '../operationKit';
import { byId, received, v2Runner } from './v2Run';

// The Message operations run on every wire in test/node/message; this keeps what only v2 has: the
// contacts query and the recipients as records in the store.
describe('Harvest API v2: Message > Send', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = v2Runner(sandbox);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it("sends to the client's contacts read from /v2/contacts?client_id", async () => {
		const invoiceId = await draftInvoice(sandbox);
		const clientId = sandbox.store.invoices.get(invoiceId)!.clientId;
		const emails = sandbox.store.contactsOf(clientId).map((contact) => contact.email).filter((email) => email !== '');
		expect(emails.length).toBeGreaterThan(0);
		const [item] = await run('message', 'send', { invoiceId: byId(invoiceId), sendTo: 'clientContacts', recipients: 'ignored@example.com' });
		const requests = received(sandbox);
		expect(requests.find((request) => request.path === '/v2/contacts')).toMatchObject({ method: 'GET', query: { client_id: String(clientId) } });
		const post = requests.find((request) => request.method === 'POST')!;
		expect(post.body).toMatchObject({ recipients: emails.map((email) => expect.objectContaining({ email })) });
		expect(JSON.stringify(post.body)).not.toContain('ignored@example.com');
		expect(item.json).toMatchObject({ invoice_state: 'open' });
	});
});
