/**
 * The Harvest Invoicing Trigger polled by a real n8n server: a published workflow whose only
 * node is the trigger (events: paid, every minute) is activated by `n8n start`, takes its
 * baseline on the activation poll, and starts exactly one execution once an open invoice is
 * paid in full in Harvest. Executions of a polling trigger are only visible through the public
 * API, so that is where the test reads them.
 *
 * Two such workflows run side by side in the same n8n, one with a classic (v1) credential and one
 * with a Harvest API v2 credential, over the same sandbox store: one payment is news to both. Side
 * by side rather than one after the other, because the wait for n8n's minute schedule is most of
 * this test's time.
 */

import { startSandbox, type LoggedRequest, type Sandbox } from '../sandbox';
import { harvest } from '../sandbox/testing/client';
import { nodeOutputItems } from './executionOutput';
import {
	HARVEST_TRIGGER_NODE_TYPE,
	POLL_EVERY_MINUTE,
	pollingTriggerWorkflow,
	sandboxCredentialFor,
	usesCredential,
	type HarvestApiVersion,
} from './fixtures';
import { N8nInstance, type WorkflowImport } from './n8nInstance';
import type { N8nServer, PublicExecution } from './n8nServer';

const TRIGGER_NAME = 'Harvest Invoicing Trigger';

/** n8n activates published workflows while it starts (maybe before it reports ready) and polls at once. */
const BASELINE_TIMEOUT_MS = 60_000;
/** The next scheduled poll is at most a minute away; the rest is slack for a busy machine. */
const EVENT_TIMEOUT_MS = 150_000;

const APIS: readonly HarvestApiVersion[] = ['v1', 'v2'];

/** Where each API lists invoices. */
const INVOICES_PATH: Record<HarvestApiVersion, string> = { v1: '/invoices', v2: '/v2/invoices' };

/** The trigger's invoice listings on one API: the baseline lists everything, later polls add `updated_since`. */
function invoiceListings(sandbox: Sandbox, api: HarvestApiVersion): LoggedRequest[] {
	return sandbox.requests().filter((request) => request.method === 'GET' && request.path === INVOICES_PATH[api]);
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined, onTimeout: () => string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = probe();
		if (found !== undefined) return found;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms\n${onTimeout()}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

describe('the Harvest Invoicing Trigger in a running n8n', () => {
	let n8n: N8nInstance | undefined;
	let sandbox: Sandbox | undefined;
	let server: N8nServer | undefined;
	const workflows = {} as Record<HarvestApiVersion, WorkflowImport>;

	beforeAll(async () => {
		n8n = await N8nInstance.withPackage();

		// 20 invoices fit on one page (50 a page on v1, 2000 on v2): the baseline is then exactly one
		// listing, so "the baseline poll is done" can be read off the sandbox's request log.
		sandbox = await startSandbox({ invoices: 20 });
		const credentials = APIS.map((api) => sandboxCredentialFor(api, sandbox!, `Harvest sandbox (${api})`));
		APIS.forEach((api, index) => {
			workflows[api] = pollingTriggerWorkflow({
				name: `Harvest e2e: invoice paid (${api})`,
				trigger: {
					name: TRIGGER_NAME,
					type: HARVEST_TRIGGER_NODE_TYPE,
					typeVersion: 1,
					parameters: { pollTimes: POLL_EVERY_MINUTE, events: ['paid'], filters: {}, options: {} },
					credentials: usesCredential(credentials[index]),
				},
			});
		});
		await n8n.importCredentials(credentials);
		await n8n.importWorkflows(Object.values(workflows));
		for (const api of APIS) await n8n.publishWorkflow(workflows[api].id);
	});

	afterAll(async () => {
		// dispose() stops the server too; stopping it here first keeps the order obvious.
		if (server) await n8n?.stopServer(server);
		await n8n?.dispose();
		await sandbox?.stop();
	});

	test('on v1 and on v2: takes a baseline on activation, then starts one execution for an invoice paid in full', async () => {
		sandbox!.clearRequests();
		server = await n8n!.startServer();
		await server.setupOwnerAndApiKey();
		const serverLog = () => server!.output().split('\n').slice(-30).join('\n');
		const withoutCursor = (api: HarvestApiVersion) =>
			invoiceListings(sandbox!, api).filter((request) => request.query.updated_since === undefined);

		// The baselines: a listing without `updated_since` on each API, answered. The snapshot is
		// taken from that answer, so a payment recorded after it is news to the next poll.
		for (const api of APIS) {
			const baseline = await waitFor(`the ${api} baseline poll`, BASELINE_TIMEOUT_MS, () => withoutCursor(api)[0], serverLog);
			expect(baseline.status).toBe(200);
		}
		for (const api of APIS) {
			expect(withoutCursor(api)).toHaveLength(1);
			// A baseline reports nothing: no execution yet.
			expect(await server.listExecutions({ workflowId: workflows[api].id })).toEqual([]);
		}

		const invoice = [...sandbox!.store.invoices.values()].find((candidate) => candidate.state === 'open');
		if (!invoice) throw new Error('the sandbox seeded no open invoice');
		// Time passes in Harvest too: the payment is written a few minutes after the baseline.
		sandbox!.advanceClock(3 * 60_000);
		const paid = await harvest(sandbox!, { auth: 'basic' }).post(`/invoices/${invoice.id}/payments`, {
			payment: { amount: invoice.dueAmount, paid_at: sandbox!.now().toISOString().slice(0, 10) },
		});
		expect(paid.status).toBe(201);
		expect(sandbox!.store.invoices.get(invoice.id)?.state).toBe('paid');
		const paymentSeq = Math.max(...sandbox!.requests().map((request) => request.seq));

		const stopped = (executions: PublicExecution[]) =>
			executions.some((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		const executionIds = {} as Record<HarvestApiVersion, string>;
		const eventPolls = {} as Record<HarvestApiVersion, LoggedRequest>;
		for (const api of APIS) {
			const executions = await server.waitForExecutions(
				{ workflowId: workflows[api].id, includeData: true },
				stopped,
				EVENT_TIMEOUT_MS,
			);
			expect(executions).toHaveLength(1);
			const [execution] = executions;
			expect(execution).toMatchObject({ mode: 'trigger', status: 'success' });
			executionIds[api] = execution.id;

			const items = nodeOutputItems(execution.data!, TRIGGER_NAME);
			expect(items).toHaveLength(1);
			// An open invoice, paid in full by one payment: open -> paid.
			expect(items[0]).toMatchObject({ event: 'paid', previous_state: 'open', state: 'paid', id: invoice.id, due_amount: 0 });
			if (api === 'v2') {
				// v2's own record: issue_date and client{id,name}; the trigger's bookkeeping fields stay hidden.
				expect(items[0]).toMatchObject({ issue_date: expect.any(String), client: { id: invoice.clientId } });
				expect(items[0]).not.toHaveProperty('trigger_state');
				expect(items[0]).not.toHaveProperty('issued_at');
			} else {
				expect(items[0]).toMatchObject({ issued_at: expect.any(String), client_id: invoice.clientId });
			}

			// The poll that found it (the first after the payment) asked only for what changed since.
			const eventPoll = invoiceListings(sandbox!, api).find((request) => request.seq > paymentSeq);
			expect(eventPoll?.query.updated_since).toEqual(expect.any(String));
			eventPolls[api] = eventPoll!;
		}

		// The next poll lists the paid invoice again (its query reaches back a minute before the
		// cursor). Only the snapshot n8n kept from the event poll tells it that this is old news, so
		// one more poll without a second execution shows that n8n really kept the trigger's state.
		for (const api of APIS) {
			const nextPoll = await waitFor(
				`the ${api} poll after the event`,
				EVENT_TIMEOUT_MS,
				() => invoiceListings(sandbox!, api).find((request) => request.seq > eventPolls[api].seq),
				serverLog,
			);
			expect(nextPoll.status).toBe(200);
			expect(nextPoll.query.updated_since).toEqual(expect.any(String));
		}
		// A poll that emits has its execution listed within a second or two; give it more.
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		for (const api of APIS) {
			expect((await server.listExecutions({ workflowId: workflows[api].id })).map(({ id }) => id)).toEqual([executionIds[api]]);
		}
	});
});
