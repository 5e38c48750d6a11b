import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { REQUEST_DEADLINE_MS, setHarvestDeadline } from '../../../nodes/HarvestInvoicing/transport/deadline';
import { startSandbox, type FaultKind, type HookedRequest, type Sandbox } from '../../sandbox';
import type { TriggerEvent } from '../../../nodes/HarvestInvoicing/trigger/types';
import { ALL_EVENTS, Prng } from '../../unit/trigger/fixtures';
import { answeredPage } from './answeredPage';
import { Watcher, seenOf } from './pollerModel';
import { ActiveTrigger, MINUTE, harvestUser, type HarvestUser } from './triggerHarness';
import { WIRES } from './wires';

// Throttle and retry waits are honoured for real in pollLifecycle.test.ts; here they would only
// make hundreds of injected faults slow.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: async () => undefined }));
// The request deadline waits in `sleep` steps: with `sleep` instant it would spin and starve the
// sandbox's answers, so it is off here (it has its own tests in test/node/load).
beforeAll(() => setHarvestDeadline(Infinity));
afterAll(() => setHarvestDeadline(REQUEST_DEADLINE_MS));

/**
 * A seeded, reproducible history of changes made through the sandbox's API, polled at random
 * points with faults injected into the trigger's requests (errors, resets, unreadable and
 * truncated bodies, throttling, a payment list failing three times in a row) and n8n restarts.
 * Two triggers watch it: one for every event, one for a subset. Each must report exactly the net
 * changes its polls can see, each once (the oracle: pollerModel.ts).
 * - Between two polls an invoice may change several times (sent, partly paid and paid; paid and
 *   the payment deleted; written off and re-opened; created and deleted; re-dated): only the net
 *   change is visible to any poller, so only that is expected.
 * - While a poll reads its pages, invoices are created, deleted, re-dated (moving across pages),
 *   sent, paid in part or in full, written off, re-opened, or lose a payment.
 * - The clock now and then jumps past midnight, so open invoices fall overdue without a change.
 */
const SEED = 20_260_615;
const CHANGES = 1_400;
const RANDOM_FAULTS: FaultKind[] = ['500', '502', 'reset', 'malformed', 'truncated', 'html', 'throttle'];

type Action = 'send' | 'toDraft' | 'payPart' | 'payAll' | 'deletePayment' | 'close' | 'reopen' | 'redate' | 'delete';
/**
 * The changes made while a poll walks the pages. Most are made to an invoice both triggers have seen
 * as it is, so they read the same whichever poll sees them. `deleteListed` and `redateListed` take a
 * draft from the page just answered (which the poll has read, and may still be waiting to report):
 * deleting it moves every later invoice of the list one place up, re-dating it moves it to a later page.
 */
const WALK_CHANGES = ['create', 'delete', 'redate', 'send', 'payPart', 'payAll', 'close', 'reopen', 'deletePayment', 'deleteListed', 'redateListed'] as const;
type WalkChange = (typeof WALK_CHANGES)[number];

const SUBSET: TriggerEvent[] = ['paid', 'paymentRecorded', 'overdue', 'writtenOff', 'newInvoice'];
const DAY_MS = 86_400_000;

describe.each(WIRES.map((wire) => [wire.name, wire] as const))('Harvest Invoicing Trigger: a random history with faults (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let user: HarvestUser;
	let loggedErrors: jest.SpyInstance;

	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 150, seed: 11 });
		user = harvestUser(sandbox);
		loggedErrors = jest.spyOn(Container.get(Logger), 'error').mockImplementation(() => undefined);
	});
	afterAll(async () => {
		loggedErrors.mockRestore();
		await sandbox.stop();
	});

	it(`seed ${SEED}: every net change exactly once`, async () => {
		const random = new Prng(SEED);
		const store = sandbox.store;
		const today = () => sandbox.now().toISOString().slice(0, 10);
		const isUnpaid = (id: number) => ['open', 'partial'].includes(store.invoices.get(id)?.state ?? '');
		const isLate = (id: number) => isUnpaid(id) && (store.invoices.get(id)?.dueAt ?? '9') < today();
		const lateIds = () => [...store.invoices.keys()].filter(isLate);

		const all = new Watcher(new ActiveTrigger(sandbox, { events: ALL_EVENTS, wire }), ALL_EVENTS);
		const subset = new Watcher(new ActiveTrigger(sandbox, { events: SUBSET, wire }), SUBSET);
		const watchers = [all, subset];
		for (const watcher of watchers) expect(await watcher.trigger.activate()).toBeNull();
		for (const watcher of watchers) watcher.baseline(sandbox, lateIds());

		// Changed while a poll read its pages: no other change until each watcher has polled
		// successfully since (a poll that began after the change), so that change reads one way.
		const frozen = new Map<number, Set<Watcher>>();
		const changedDuringPoll = new Set<number>();
		let hookPending = false;
		// Where in the request log the last change during a walk was made, and how often the listing went on after one.
		let hookAt = -1;
		let betweenPages = 0;
		let midnights = 0;
		const walkChanges = new Map<WalkChange, number>(WALK_CHANGES.map((kind) => [kind, 0]));
		// What happened to each invoice since the last round both polls succeeded (for the counts below).
		let gap = new Map<number, { from: string | undefined; actions: string[] }>();
		let severalChanges = 0;
		let undone = 0;

		const noteGap = (id: number, action: string) => {
			const entry = gap.get(id) ?? { from: store.invoices.get(id)?.state, actions: [] };
			entry.actions.push(action);
			gap.set(id, entry);
		};
		const closeGap = () => {
			for (const [id, { from, actions }] of gap) {
				if (actions.length < 2) continue;
				severalChanges++;
				const now = store.invoices.get(id)?.state;
				// Back where it was (or created and deleted): nothing a poller can see.
				if (now === from || (from === undefined && now === undefined)) undone++;
			}
			gap = new Map();
		};

		const actionsFor = (id: number): Action[] => {
			const invoice = store.invoices.get(id);
			const hasPayments = store.paymentsOf(id).length > 0;
			switch (invoice?.state) {
				case 'draft':
					return ['send', 'delete', 'redate'];
				case 'open':
					return hasPayments ? ['payPart', 'payAll', 'close', 'redate'] : ['toDraft', 'payPart', 'payAll', 'close', 'redate'];
				case 'partial':
					return ['payPart', 'payAll', 'deletePayment', 'close', 'redate'];
				case 'paid':
					return ['deletePayment'];
				default:
					return ['reopen'];
			}
		};

		/** One change through the sandbox's API. */
		const act = async (id: number, action: Action): Promise<void> => {
			switch (action) {
				case 'send':
					await user.send(id);
					break;
				case 'toDraft':
					await user.toDraft(id);
					break;
				case 'payPart':
				case 'payAll': {
					const due = store.invoices.get(id)?.dueAmount ?? 0;
					const part = Math.floor(due * (0.1 + 0.8 * random.next()) * 100) / 100;
					await user.pay(id, action === 'payAll' || part <= 0 || part >= due ? due : part);
					break;
				}
				case 'deletePayment':
					await user.deletePayment(id, random.pick(store.paymentsOf(id)).id);
					break;
				case 'close':
					await user.close(id);
					break;
				case 'reopen':
					await user.reopen(id);
					break;
				case 'redate': {
					// Another issue date, up to 45 days back: the invoice moves to other pages of the list,
					// and its due date follows (it may fall overdue, or stop being overdue).
					const current = store.invoices.get(id)?.issuedAt;
					let day = new Date(sandbox.now().getTime() - random.int(0, 45) * DAY_MS).toISOString().slice(0, 10);
					if (day === current) day = new Date(Date.parse(day) - DAY_MS).toISOString().slice(0, 10);
					await user.update(id, { issued_at: day });
					break;
				}
				case 'delete':
					await user.deleteInvoice(id);
					break;
			}
		};

		/**
		 * Between polls: a new invoice, or a change to any invoice not frozen, often one changed since
		 * the last round (`spread`: rather not, so that many invoices change).
		 */
		const change = async (spread = false): Promise<void> => {
			sandbox.advanceClock(random.pick([0, 0, 1000, 5000, 30_000, 59_000, 61_000]));
			if (random.chance(0.08)) {
				const pastDue = random.chance(0.5);
				const issued = new Date(sandbox.now().getTime() - (pastDue ? random.int(6, 40) : 0) * DAY_MS);
				const id = await user.createDraft({ issued_at: issued.toISOString().slice(0, 10), due_at_human_format: 'NET 5' });
				noteGap(id, 'create');
				return;
			}
			const free = (id: number) => store.invoices.has(id) && !frozen.has(id);
			const recent = [...gap.keys()].filter(free);
			const id = recent.length > 0 && !spread && random.chance(0.4) ? random.pick(recent) : random.pick([...store.invoices.keys()].filter(free));
			const action = random.pick(actionsFor(id));
			noteGap(id, action);
			await act(id, action);
		};

		/** While a poll reads its pages: one change to an invoice both watchers saw as it is. */
		const changeDuringWalk = async (request: HookedRequest): Promise<void> => {
			await makeChangeDuringWalk(request);
			// The request answered is logged once its answer is sent, after the changes just made: it takes this place.
			hookAt = sandbox.requests().length;
		};
		const makeChangeDuringWalk = async (request: HookedRequest): Promise<void> => {
			hookPending = false;
			// The page of the changes listing just answered, and the watcher reading it.
			const listed = request.query.has('updated_since') ? answeredPage(sandbox, request.query, wire.api) : [];
			const settled = [...store.invoices.keys()].filter(
				(id) => !frozen.has(id) && watchers.every((watcher) => watcher.settled(sandbox, id, isLate(id))),
			);
			const state = (id: number) => store.invoices.get(id)?.state;
			const fits: Record<WalkChange, (id: number) => boolean> = {
				create: () => false,
				delete: (id) => state(id) === 'draft',
				redate: (id) => ['draft', 'open', 'partial'].includes(state(id) ?? ''),
				send: (id) => state(id) === 'draft',
				payPart: (id) => isUnpaid(id) && (store.invoices.get(id)?.dueAmount ?? 0) >= 0.02,
				payAll: isUnpaid,
				close: isUnpaid,
				reopen: (id) => state(id) === 'closed',
				deletePayment: (id) => ['partial', 'paid'].includes(state(id) ?? '') && store.paymentsOf(id).length > 0,
				deleteListed: () => false,
				redateListed: () => false,
			};
			const listedDrafts = listed.filter((id) => !frozen.has(id) && state(id) === 'draft');
			const possible = WALK_CHANGES.filter((kind) =>
				kind === 'create' ? true : kind.endsWith('Listed') ? listedDrafts.length > 0 : settled.some(fits[kind]),
			);
			// The kinds made least so far first: every kind comes up on every wire.
			const fewest = Math.min(...possible.map((kind) => walkChanges.get(kind) ?? 0));
			const kind = random.pick(possible.filter((kind) => walkChanges.get(kind) === fewest));
			walkChanges.set(kind, (walkChanges.get(kind) ?? 0) + 1);
			let id: number;
			if (kind === 'deleteListed' || kind === 'redateListed') {
				// The poll reading this page sees the draft as it was (its pending events come from that
				// sighting: the model's plan made when the poll began); a later sighting sees it gone, or
				// re-dated, which changes none of a draft's events.
				id = random.pick(listedDrafts);
				changedDuringPoll.add(id);
				if (kind === 'deleteListed') {
					await user.deleteInvoice(id);
				} else {
					const day = new Date(sandbox.now().getTime() - random.int(30, 45) * DAY_MS).toISOString().slice(0, 10);
					await user.update(id, { issued_at: day });
					frozen.set(id, new Set(watchers));
				}
				return;
			}
			if (kind === 'create') {
				id = await user.createDraft({ issued_at: today(), due_at_human_format: 'NET 30' });
			} else {
				id = random.pick(settled.filter(fits[kind]));
				if (kind === 'payPart') {
					const due = store.invoices.get(id)?.dueAmount ?? 0;
					await user.pay(id, Math.max(0.01, Math.floor(due * 50) / 100));
				} else {
					await act(id, kind);
				}
			}
			changedDuringPoll.add(id);
			if (store.invoices.has(id)) frozen.set(id, new Set(watchers));
			const after = seenOf(sandbox, id);
			for (const watcher of watchers) watcher.applyNow(id, after, isLate(id));
		};

		let polls = 0;
		let failedPolls = 0;
		let restarts = 0;
		// The faults strike before an answer is made (their default phase), and then no hook runs: a
		// page a change during a walk follows always reaches the poll (deleteListed relies on it).
		const armFaults = () => {
			sandbox.clearFaults();
			RANDOM_FAULTS.forEach((kind, index) =>
				sandbox.setFault({ kind, method: 'GET', probability: 0.012, seed: polls * 10 + index, retryAfterSeconds: 1 }),
			);
			if (random.chance(0.1)) sandbox.setFault({ kind: '500', method: 'GET', path: wire.path('/invoices/:id/payments'), times: 3 });
		};
		const poll = async (watcher: Watcher): Promise<boolean> => {
			polls++;
			const errorsBefore = loggedErrors.mock.calls.length;
			const plan = watcher.planPoll(sandbox, lateIds());
			changedDuringPoll.clear();
			const result = await watcher.trigger.poll();
			for (const { json } of result?.[0] ?? []) {
				const id = Number(json.id);
				const payment = json.payment as { id: number } | undefined;
				watcher.emit(id, `${String(json.event)}:${id}${payment ? `:${payment.id}` : ''}`);
			}
			if (hookAt >= 0) {
				const listing = (request: { method: string; path: string; query: unknown }) =>
					request.method === 'GET' && request.path === wire.path('/invoices') && 'updated_since' in (request.query as object);
				if (sandbox.requests().slice(hookAt + 1).some(listing)) betweenPages++;
				hookAt = -1;
			}
			const succeeded = loggedErrors.mock.calls.length === errorsBefore;
			if (succeeded) {
				// This poll began after every change made before it: those are seen now.
				for (const [id, waiting] of frozen) {
					if (changedDuringPoll.has(id)) continue;
					waiting.delete(watcher);
					if (waiting.size === 0) frozen.delete(id);
				}
				const ambiguous = [...frozen.values()].some((waiting) => waiting.has(watcher));
				watcher.commit(plan, result !== null, ambiguous);
			} else {
				failedPolls++;
			}
			// A restart goes back to what n8n saved; the model can follow it only while no change made during a walk is unsettled.
			if (random.chance(0.05) && frozen.size === 0 && !watcher.savedAmbiguous) {
				watcher.restart();
				restarts++;
			}
			return succeeded;
		};
		/** Both triggers poll, now and then with a change made while one of them reads its pages. */
		const pollRound = async (changesDuringWalk = true, manyChanges = false): Promise<boolean> => {
			if (changesDuringWalk && !hookPending && (manyChanges || random.chance(0.6))) {
				hookPending = true;
				// After many changes, right after the first page of the first listing: on v1 the walk goes on to more pages.
				sandbox.onRequest({ method: 'GET', path: wire.path('/invoices'), nth: manyChanges ? 1 : random.int(1, 2), action: changeDuringWalk });
			}
			// The log is read after a change during a walk: kept to one round.
			sandbox.clearRequests();
			const succeeded = [];
			for (const watcher of watchers) succeeded.push(await poll(watcher));
			if (succeeded.every(Boolean)) closeGap();
			return succeeded.every(Boolean);
		};

		let done = 0;
		while (done < CHANGES) {
			// Now and then many changes at once: on v1 the next listing takes more than one page (50 a page).
			const manyChanges = random.chance(0.12);
			const window = manyChanges ? 80 : random.pick([1, 1, 2, 3, 5, 8, 13, 30]);
			for (let index = 0; index < window && done < CHANGES; index++, done++) await change(manyChanges);
			if (random.chance(0.07)) {
				// Past the next midnight (and into the next morning): invoices due yesterday are now late.
				const msToMidnight = DAY_MS - (sandbox.now().getTime() % DAY_MS);
				sandbox.advanceClock(msToMidnight + random.int(1, 6) * 3_600_000);
				midnights++;
			}
			armFaults();
			await pollRound(true, manyChanges);
		}
		sandbox.clearFaults();
		// Quiet rounds until every change made during a walk is seen by both (a hook still pending fires in the first).
		for (let round = 0; round < 4 && (round < 2 || hookPending || frozen.size > 0); round++) {
			sandbox.advanceClock(MINUTE);
			expect(await pollRound(false)).toBe(true);
		}
		expect(hookPending).toBe(false);
		expect(frozen.size).toBe(0);

		const sorted = (map: Map<number, string[]>) => [...map].sort(([a], [b]) => a - b);
		for (const watcher of watchers) expect(sorted(watcher.emitted)).toEqual(sorted(watcher.expected));
		expect(failedPolls).toBeGreaterThan(0);
		expect(restarts).toBeGreaterThan(0);
		expect(midnights).toBeGreaterThan(2);
		// Each kind of change during a walk happened.
		for (const [kind, count] of walkChanges) expect([kind, count > 0]).toEqual([kind, true]);
		// On v1 some of them land between two pages of a listing; v2's one page of up to 2000 holds them all.
		if (wire.pageSize < 100) expect(betweenPages).toBeGreaterThan(5);
		expect(severalChanges).toBeGreaterThan(20);
		expect(undone).toBeGreaterThan(3);
		expect([...all.expected.values()].flat().some((event) => event.startsWith('overdue:'))).toBe(true);
	}, 300_000);
});
