import { setHarvestDeadline } from '../../../nodes/HarvestInvoicing/transport/deadline';
import { setHarvestRateLimit } from '../../../nodes/HarvestInvoicing/transport/rateBudget';
import { startSandbox, type Sandbox } from '../../sandbox';
import type { LoggedRequest } from '../../sandbox/requestLog';
import { byId, EACH_WIRE, operationRunner } from '../operationKit';

/**
 * Message > Send over many items against the sandbox's real throttle (a small one, 10 requests a
 * second, so the test is quick): one request budget per account paces every item, a throttle
 * pauses them all until the lockout is over, and an email that went out is a success item even
 * when reading it back fails. Nothing is ever sent twice.
 */
const LIMIT = { limit: 10, windowSeconds: 1 };

describe.each(EACH_WIRE)('Message > Send under Harvest rate limit (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	let invoices: number[];
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 40, throttle: LIMIT });
		run = operationRunner(sandbox, 'message', wire);
		invoices = [...sandbox.store.invoices.values()].filter((invoice) => invoice.state !== 'closed').map((invoice) => invoice.id);
	});
	afterAll(async () => {
		setHarvestRateLimit(false);
		setHarvestDeadline(60_000);
		await sandbox.stop();
	});
	beforeEach(() => {
		// The node paces at what the sandbox enforces; a fresh budget for each test.
		setHarvestRateLimit({ limit: LIMIT.limit, windowMs: LIMIT.windowSeconds * 1000 });
		sandbox.reset({ invoices: 40, throttle: LIMIT });
		messagesBefore = new Map(invoices.map((id) => [id, sandbox.store.messagesOf(id).length]));
	});

	const sendItems = (ids: number[], sendTo = 'emails') =>
		run(
			'send',
			{ invoiceId: '={{ $json.invoice }}', sendTo, recipients: 'ann@example.com' },
			{ items: ids.map((invoice) => ({ json: { invoice } })) },
		);
	const posts = () => sandbox.requests().filter((request) => request.method === 'POST');
	// Without v2's /v2/company read, made once per account and kept (test/node/v2/lifecycle.test.ts).
	const log = () => sandbox.requests().filter((request) => request.path !== '/v2/company');
	const throttled = () => sandbox.requests().filter((request) => request.status === wire.throttleStatus);
	// Each item: the send, then (v1) the message read back, then the invoice for its new state.
	const perSend = 2 + wire.readBack('/invoices/1/messages/1').length;
	// Seeded invoices have messages already: count those the test's own run added.
	let messagesBefore = new Map<number, number>();
	const messagesSent = (ids: number[]) =>
		ids.map((id) => sandbox.store.messagesOf(id).length - (messagesBefore.get(id) ?? 0));
	const at = (request: LoggedRequest) => Date.parse(request.receivedAt);

	it('sends 12 items (24 or 36 requests, over several windows) without a single throttled answer', async () => {
		const ids = invoices.slice(0, 12);
		const items = await sendItems(ids);
		expect(items.map((item) => item.json.invoice_id)).toEqual(ids);
		expect(items.every((item) => item.json.read_back_error === undefined)).toBe(true);
		expect(log()).toHaveLength(12 * perSend);
		expect(throttled()).toEqual([]);
		expect(messagesSent(ids)).toEqual(ids.map(() => 1));
	});

	it("to the client's contacts: each client's contacts read once, the invoice once, never throttled", async () => {
		const ids = invoices.slice(0, 12);
		const clients = new Set(ids.map((id) => sandbox.store.invoices.get(id)?.clientId));
		const items = await sendItems(ids, 'clientContacts');
		expect(items).toHaveLength(12);
		expect(items.every((item) => item.json.read_back_error === undefined && item.json.invoice_state)).toBe(true);
		const paths = sandbox.requests().map((request) => `${request.method} ${request.path}`);
		// v2 lists contacts at /v2/contacts?client_id=... (the query is not in the path).
		const contacts = { v1: /^GET \/clients\/\d+\/contacts$/, v2: /^GET \/v2\/contacts$/ }[wire.api];
		expect(paths.filter((path) => contacts.test(path))).toHaveLength(clients.size);
		const invoiceRead = new RegExp(`^GET ${wire.path('/invoices')}/\\d+$`);
		expect(paths.filter((path) => invoiceRead.test(path))).toHaveLength(12);
		expect(throttled()).toEqual([]);
		expect(messagesSent(ids)).toEqual(ids.map(() => 1));
	});

	it('after a throttle sends nothing until the lockout is over, then reads resume; every item a success', async () => {
		// Not paced, so the sandbox's real throttle hits: 6 sends and their 6 read-backs at once.
		setHarvestRateLimit(false);
		sandbox.setThrottle({ limit: 8, windowSeconds: 1 });
		const ids = invoices.slice(0, 6);
		const items = await sendItems(ids);
		expect(items.map((item) => item.json.invoice_id)).toEqual(ids);
		expect(items.every((item) => item.json.read_back_error === undefined)).toBe(true);
		const all = sandbox.requests();
		const answers = all.filter((request) => request.status === wire.throttleStatus);
		expect(answers.length).toBeGreaterThan(0);
		// After each throttle (Retry-After: 1 s), only requests already under way arrive (within a few ms);
		// nothing is sent until the lockout is over.
		for (const answer of answers) {
			const during = all.filter((request) => at(request) > at(answer) + 200 && at(request) < at(answer) + 1000);
			expect(during).toEqual([]);
		}
		// Reads resumed after it, and every read-back finally succeeded.
		const last = answers.at(-1) as LoggedRequest;
		const after = all.slice(all.indexOf(last) + 1);
		expect(after.length).toBeGreaterThan(0);
		expect(after.map((request) => `${request.method} ${request.status}`)).toEqual(after.map(() => 'GET 200'));
		expect(posts().filter((request) => request.applied)).toHaveLength(6);
		expect(messagesSent(ids)).toEqual(ids.map(() => 1));
	});

	it('a read-back Harvest keeps throttling still gives success items, and nothing is sent twice', async () => {
		const ids = invoices.slice(0, 3);
		// Harvest asks for longer than the node waits: the read-backs give up at once. The first read
		// after a send: the message on v1; v2 answers the send with it, the invoice is read next.
		const firstRead = { v1: '/invoices/:id/messages/:mid', v2: '/v2/invoices/:id' }[wire.api];
		sandbox.setFault({ kind: 'throttle', method: 'GET', path: firstRead, times: 1, retryAfterSeconds: 300 });
		const items = await sendItems(ids);
		expect(items).toHaveLength(3);
		for (const [index, item] of items.entries()) {
			expect(item.error).toBeUndefined();
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ invoice_id: ids[index], id: expect.any(Number) });
		}
		const failed = items.filter((item) => item.json.read_back_error !== undefined);
		expect(failed.length).toBeGreaterThan(0);
		expect(failed[0].json.read_back_error).toContain('Harvest sent the invoice, but reading the result back failed');
		expect(failed[0].json.read_back_error).toContain('asked to wait 300 s');
		expect(posts()).toHaveLength(3);
		expect(messagesSent(ids)).toEqual([1, 1, 1]);
	});

	it('a Retry-After above 120 s is a clear error, and nothing more is sent into the lockout', async () => {
		const [id] = invoices;
		sandbox.setFault({ kind: 'throttle', method: 'POST', path: wire.path('/invoices/:id/messages'), times: 1, retryAfterSeconds: 600 });
		await expect(sendItems([id])).rejects.toThrow(
			'Harvest is throttling this account and asked to wait 600 s, longer than the 120 s this node waits',
		);
		await expect(run('get', { invoiceId: byId(id), messageId: '1' })).rejects.toThrow('asked to wait');
		expect(sandbox.requests()).toHaveLength(1);
		expect(messagesSent([id])).toEqual([0]);
	});

	it('a failing write among several items names its index and the items that were sent', async () => {
		const ids = [invoices[0], 424242, invoices[1]];
		const failure = (await sendItems(ids).then(
			() => undefined,
			(error: unknown) => error,
		)) as { description: string; context: { itemIndex: number } };
		expect(failure.context.itemIndex).toBe(1);
		expect(failure.description).toMatch(
			new RegExp(`Item 1 failed\\. These other items of this run were applied in Harvest: item 0 \\(message \\d+ on invoice ${invoices[0]}\\), item 2 \\(message \\d+ on invoice ${invoices[1]}\\)\\.`),
		);
		expect(messagesSent([invoices[0], invoices[1]])).toEqual([1, 1]);
	});
});

describe.each(EACH_WIRE)('every request has an overall deadline, not just an idle timeout (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		setHarvestDeadline(1000);
	});
	afterAll(async () => {
		setHarvestDeadline(60_000);
		await sandbox.stop();
	});
	afterEach(() => sandbox.clearFaults());
	/** Waits (10 s at most) until the sandbox has logged `count` requests of `method`, or of any method. */
	const logged = async (count: number, method?: string) => {
		const matching = () => sandbox.requests().filter((request) => method === undefined || request.method === method).length;
		for (let tries = 0; tries < 200 && matching() < count; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
	};

	it('gives up on a read whose answer trickles in, with a clear error', async () => {
		const [id] = sandbox.store.invoices.keys();
		sandbox.clearRequests();
		// About 1 KB in 8-byte chunks 20 ms apart: never idle for long, over 2 s in all.
		sandbox.setFault({ kind: 'trickle', method: 'GET', path: wire.path('/invoices/:id'), delayMs: 20, times: 1 });
		await expect(operationRunner(sandbox, 'invoice', wire)('get', { invoiceId: byId(id) })).rejects.toThrow(
			'Harvest did not finish answering within 1 s',
		);
		// The sandbox logs a request once its answer is written out: the trickle is still going.
		await logged(1);
		// Not asked again: the abandoned answer is still coming in, and Harvest is having a slow day.
		expect(sandbox.requests().map((request) => request.fault)).toEqual(['trickle']);
	});

	it('never sends a write again after its deadline: the email may have gone out', async () => {
		const [id] = sandbox.store.invoices.keys();
		sandbox.clearRequests();
		const before = sandbox.store.messagesOf(id).length;
		// Harvest sends the email at once, its (empty) answer comes 3 s later.
		sandbox.setFault({ kind: 'slow', phase: 'after', method: 'POST', path: wire.path('/invoices/:id/messages'), delayMs: 3000, times: 1 });
		await expect(
			operationRunner(sandbox, 'message', wire)('send', { invoiceId: byId(id), recipients: 'ann@example.com' }),
		).rejects.toThrow('unknown whether the change was made');
		// Logged once its slow answer is written out; other reads (v2's company) may come first.
		await logged(1, 'POST');
		expect(sandbox.requests().filter((request) => request.method === 'POST')).toHaveLength(1);
		expect(sandbox.store.messagesOf(id).length - before).toBe(1);
	});
});
