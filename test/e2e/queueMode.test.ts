/**
 * The package in n8n's queue mode: a main (`n8n start`) that runs the triggers and a worker
 * (`n8n worker`) that runs the executions, sharing Redis (the Bull queue) and PostgreSQL (workflows,
 * executions, the trigger's static data), each with the packed package in its own user folder.
 *
 * One published workflow: Harvest Invoicing Trigger (paid, every minute, v2 credential) -> Harvest
 * Invoicing "Get Invoice" of the paid invoice. The same setup is taken through three phases, in
 * order, because n8n's minute schedule is most of the time spent:
 * 1. queue mode: the baseline on activation; with the worker stopped a payment is still seen (the
 *    main polls) and its execution waits in the queue until the worker is back and runs it;
 * 2. the main restarted, with a payment made while it was down and no invoice listed by anyone in
 *    a whole poll interval (the worker runs no triggers): it resumes from its stored state, and
 *    the payment gives exactly one new execution;
 * 3. main and worker restarted with n8n's durable poll cursors, a payment made meanwhile: the
 *    state moves to n8n's poller_state table without a new baseline, the payment gives exactly one
 *    execution, the stored cursor already knows it is paid, and no poll repeats an event.
 */
import { startSandbox, type LoggedRequest, type Sandbox } from '../sandbox';
import { harvest } from '../sandbox/testing/client';
import { decodeSnapshot } from '../../nodes/HarvestInvoicing/trigger/snapshot';
import { nodeOutputItems } from './executionOutput';
import {
	HARVEST_NODE_TYPE,
	HARVEST_TRIGGER_NODE_TYPE,
	n8nId,
	POLL_EVERY_MINUTE,
	sandboxV2Credential,
	usesCredential,
} from './fixtures';
import type { WorkflowImport } from './n8nInstance';
import { DEFAULT_API_KEY_SCOPES, type N8nServer, type PublicExecution } from './n8nServer';
import { tail } from './processes';
import { DURABLE_CURSORS_DISABLED_WARNING, DURABLE_POLL_CURSORS_ENV, QueueModeSetup } from './queueSetup';
import { ensurePostgresInstalled } from './postgres';
import { ensureRedisInstalled } from './redis';

const TRIGGER = 'Harvest Invoicing Trigger';
const GET = 'Get Invoice';
const INVOICES_PATH = '/v2/invoices';

/** n8n activates published workflows while it starts (maybe before it reports ready) and polls at once. */
const BASELINE_TIMEOUT_MS = 90_000;
/** The next scheduled poll is at most a minute away; the rest is slack for a busy machine. */
const POLL_TIMEOUT_MS = 150_000;
/** The workflow polls every minute; a little more, so a scheduled poll would have come by then. */
const ONE_POLL_INTERVAL_MS = 65_000;

// Installing Redis and PostgreSQL (when missing) happens while Jest collects the suite, so that a
// machine where they cannot be installed skips the suite by name, with the reason, instead of
// passing it silently.
const services = [ensureRedisInstalled(), ensurePostgresInstalled()];
const missing = services.flatMap((service) => (service.ok ? [] : [service.reason]));
if (missing.length > 0) process.stderr.write(`[queue mode] SKIPPED: ${missing.join('; ')}\n`);
const describeWithServices = missing.length === 0 ? describe : describe.skip;
const suiteName =
	missing.length === 0 ? 'the package in n8n queue mode' : `the package in n8n queue mode (SKIPPED: ${missing.join('; ')})`;

function invoiceWorkflow(credential: ReturnType<typeof sandboxV2Credential>): WorkflowImport {
	const nodeId = () => n8nId();
	return {
		id: n8nId(),
		name: 'Harvest e2e: queue mode (paid -> get invoice)',
		nodes: [
			{
				id: nodeId(),
				name: TRIGGER,
				type: HARVEST_TRIGGER_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: POLL_EVERY_MINUTE, events: ['paid'], filters: {}, options: {} },
				credentials: usesCredential(credential),
			},
			{
				id: nodeId(),
				name: GET,
				type: HARVEST_NODE_TYPE,
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
				credentials: usesCredential(credential),
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: GET, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>, context: () => string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await probe();
		if (found !== undefined) return found;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms\n${context()}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

const finished = (execution: PublicExecution) => !['new', 'running', 'waiting'].includes(execution.status);

describeWithServices(suiteName, () => {
	let setup: QueueModeSetup | undefined;
	let sandbox: Sandbox | undefined;
	let workflow: WorkflowImport;

	const listings = (): LoggedRequest[] =>
		sandbox!.requests().filter((request) => request.method === 'GET' && request.path === INVOICES_PATH);
	const logs = () => `--- main ---\n${tail(setup!.mainOutput(), 25)}\n--- worker ---\n${tail(setup!.workerOutput(), 15)}`;
	const lastSeq = () => Math.max(0, ...sandbox!.requests().map((request) => request.seq));

	/** Pays an open invoice in full, on v2 like the workflow; answers the invoice and the log position. */
	async function payAnOpenInvoice(): Promise<{ id: number; afterSeq: number }> {
		const invoice = [...sandbox!.store.invoices.values()].find((candidate) => candidate.state === 'open');
		if (!invoice) throw new Error('the sandbox has no open invoice left');
		// Time passes in Harvest too: each payment is written a few minutes after what came before.
		sandbox!.advanceClock(3 * 60_000);
		const paid = await harvest(sandbox!, { auth: 'basic' }).post(`/invoices/${invoice.id}/payments`, {
			payment: { amount: invoice.dueAmount, paid_at: sandbox!.now().toISOString().slice(0, 10) },
		});
		expect(paid.status).toBe(201);
		expect(sandbox!.store.invoices.get(invoice.id)?.state).toBe('paid');
		return { id: invoice.id, afterSeq: lastSeq() };
	}

	/** A restarted main: log in again and make a new API key (the client keeps none across servers). */
	async function reconnect(main: N8nServer): Promise<void> {
		await main.login();
		await main.createApiKey(DEFAULT_API_KEY_SCOPES, `e2e tests ${Date.now()}`);
	}

	async function executions(main: N8nServer): Promise<PublicExecution[]> {
		return await main.listExecutions({ workflowId: workflow.id, includeData: true });
	}

	/** Waits until `count` executions of the workflow have finished; answers them oldest first. */
	async function finishedExecutions(main: N8nServer, count: number): Promise<PublicExecution[]> {
		const all = await main.waitForExecutions(
			{ workflowId: workflow.id, includeData: true },
			(found) => found.filter(finished).length >= count,
			POLL_TIMEOUT_MS,
		);
		return all.filter(finished).reverse();
	}

	/** The execution reported the paid invoice (trigger) and fetched it again (action node). */
	function expectPaidRun(execution: PublicExecution, invoiceId: number): void {
		expect(execution).toMatchObject({ mode: 'trigger', status: 'success' });
		const events = nodeOutputItems(execution.data!, TRIGGER);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ event: 'paid', previous_state: 'open', state: 'paid', id: invoiceId });
		expect(nodeOutputItems(execution.data!, GET)).toEqual([expect.objectContaining({ id: invoiceId, state: 'paid' })]);
	}

	/** n8n's worker logs each execution it takes from the queue; the main never prints this line. */
	function expectRanOnWorker(execution: PublicExecution): void {
		expect(setup!.workerOutput()).toContain(`Worker started execution ${execution.id} `);
		expect(setup!.mainOutput()).not.toContain(`Worker started execution ${execution.id} `);
	}

	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 20 });
		setup = await QueueModeSetup.create();
		const credential = sandboxV2Credential(sandbox, 'Harvest sandbox (v2)');
		workflow = invoiceWorkflow(credential);
		await setup.main.importCredentials([credential]);
		await setup.main.importWorkflows([workflow]);
		await setup.main.publishWorkflow(workflow.id);
	});

	afterAll(async () => {
		await setup?.dispose();
		await sandbox?.stop();
	});

	test('actions run on the worker, the trigger polls on the main; a payment made with the worker down runs once it is back', async () => {
		sandbox!.clearRequests();
		await setup!.startWorker();
		const main = await setup!.startMain();
		await main.setupOwnerAndApiKey();

		const baseline = await waitFor('the baseline poll', BASELINE_TIMEOUT_MS, () => listings()[0], logs);
		expect(baseline.status).toBe(200);
		expect(baseline.query.updated_since).toBeUndefined();
		expect(await executions(main)).toEqual([]);

		// Only the main is left: if the invoices are still listed, it is the main that polls.
		await setup!.stopWorker();
		const payment = await payAnOpenInvoice();
		const eventPoll = await waitFor(
			'a poll with the worker stopped',
			POLL_TIMEOUT_MS,
			() => listings().find((request) => request.seq > payment.afterSeq),
			logs,
		);
		expect(eventPoll.query.updated_since).toEqual(expect.any(String));
		// The poll found the payment and queued an execution; no worker is there to run it.
		expect((await executions(main)).filter(finished)).toEqual([]);

		await setup!.startWorker();
		const [execution] = await finishedExecutions(main, 1);
		expectPaidRun(execution, payment.id);
		expectRanOnWorker(execution);
		expect((await executions(main)).map(({ id }) => id)).toEqual([execution.id]);
	});

	test('the main restarted with a payment made while it was down: one new execution, nothing repeated or lost', async () => {
		const before = (await executions(setup!.mainProcess)).map(({ id }) => id);
		expect(before).toHaveLength(1);

		await setup!.stopMain();
		const lastListing = lastSeq();
		const payment = await payAnOpenInvoice();
		// A full poll interval with only the worker running: had it run the trigger, it would have
		// listed the invoices by now. The window ends before the restart, because a published workflow
		// is activated, and polls at once, before the restarted main reports ready.
		await new Promise((resolve) => setTimeout(resolve, ONE_POLL_INTERVAL_MS));
		const downUntil = lastSeq();
		expect(listings().filter((request) => request.seq > lastListing && request.seq <= downUntil)).toEqual([]);
		const main = await setup!.startMain();
		await reconnect(main);
		// The restarted main carries on from the stored state: it asks for changes, not a new baseline.
		const firstPoll = await waitFor('the restarted main\'s first poll', POLL_TIMEOUT_MS, () => listings().find((request) => request.seq > downUntil), logs);
		expect(firstPoll.query.updated_since).toEqual(expect.any(String));

		const all = await finishedExecutions(main, 2);
		expect(all.map(({ id }) => id).slice(0, 1)).toEqual(before);
		const fresh = all[1];
		expectPaidRun(fresh, payment.id);
		expectRanOnWorker(fresh);
		// That the next poll does not report it again (it lists it again: its window reaches back a
		// minute before the cursor) is shown by the next test, whose first poll is that poll.
	});

	test('with durable poll cursors: the state moves to poller_state, complete when the poll returns; one execution per payment', async () => {
		const before = (await executions(setup!.mainProcess)).map(({ id }) => id);
		await setup!.stopMain();
		await setup!.stopWorker();
		const afterStop = lastSeq();
		const payment = await payAnOpenInvoice();
		await setup!.startWorker(DURABLE_POLL_CURSORS_ENV);
		const main = await setup!.startMain(DURABLE_POLL_CURSORS_ENV);
		await reconnect(main);
		expect(main.output()).not.toMatch(DURABLE_CURSORS_DISABLED_WARNING);

		// The first poll on the durable scheduler seeds n8n's poller_state row from the static data:
		// it asks for changes only (no new baseline), which include the payment and the one before.
		const firstDurablePoll = await waitFor(
			'a poll on the durable scheduler',
			POLL_TIMEOUT_MS,
			() => listings().find((request) => request.seq > afterStop),
			logs,
		);
		expect(firstDurablePoll.query.updated_since).toEqual(expect.any(String));

		const all = await finishedExecutions(main, before.length + 1);
		const fresh = all.filter(({ id }) => !before.includes(id));
		expect(fresh).toHaveLength(1);
		expectPaidRun(fresh[0], payment.id);
		expectRanOnWorker(fresh[0]);

		// n8n takes the cursor the moment poll() returns and commits it with the execution: the stored
		// state knowing the invoice is paid shows the trigger had written everything by then.
		const rows = await setup!.postgres.query(`SELECT cursor FROM poller_state WHERE "workflowId" = '${workflow.id}'`);
		const cursors = rows.trim().split('\n').filter(Boolean);
		expect(cursors).toHaveLength(1);
		const cursor = JSON.parse(cursors[0]) as { snapshot?: unknown };
		expect(decodeSnapshot(cursor.snapshot).invoices.get(payment.id)?.state).toBe('paid');

		// The next poll lists the invoice again; the durable cursor alone tells it that this is old news.
		const reported = Math.max(...listings().map((request) => request.seq));
		await waitFor('the next poll', POLL_TIMEOUT_MS, () => listings().find((request) => request.seq > reported), logs);
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		expect((await executions(main)).map(({ id }) => id).sort()).toEqual([...before, fresh[0].id].sort());
	});
});
