import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { REQUEST_DEADLINE_MS, setHarvestDeadline } from '../../../nodes/HarvestInvoicing/transport/deadline';
import { startSandbox, type FaultKind, type Sandbox } from '../../sandbox';
import type { TriggerEvent } from '../../../nodes/HarvestInvoicing/trigger/types';
import { ALL_EVENTS, Prng } from '../../unit/trigger/fixtures';
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
 * A seeded, reproducible history of 1,000 changes made through the sandbox's API, polled at
 * random points with faults injected into the trigger's requests (errors, resets, unreadable and
 * truncated bodies, throttling, a payment list failing three times in a row) and n8n restarts.
 * Two triggers watch it: one for every event, one for a subset. Every event of the history comes
 * out of each exactly once.
 * - Changes are also made while a poll reads its pages (new invoices, invoices paid in full).
 * - The clock now and then jumps past midnight, so open invoices fall overdue without a change.
 * - Between two successful polls an invoice changes once, or takes several payments while
 *   partially paid (the one kind of repeated change whose events a poller can tell apart: other
 *   repeats reach any poller as one change).
 */
const SEED = 20_260_615;
const CHANGES = 1_000;
const RANDOM_FAULTS: FaultKind[] = ['500', '502', 'reset', 'malformed', 'truncated', 'html', 'throttle'];

type Action = 'send' | 'toDraft' | 'payPart' | 'payAll' | 'deletePayment' | 'close' | 'reopen';

const SUBSET: TriggerEvent[] = ['paid', 'paymentRecorded', 'overdue', 'writtenOff', 'newInvoice'];

/** What one trigger must report: the history's events it watches, plus overdue as it can see it. */
class Expected {
	readonly events = new Map<number, string[]>();
	readonly emitted = new Map<number, string[]>();
	/** Invoices this trigger has had the chance to see late (reported, or late at its baseline). */
	readonly lateEpisode = new Set<number>();

	constructor(
		readonly trigger: ActiveTrigger,
		private readonly watched: readonly TriggerEvent[],
	) {}

	record(id: number, events: string[]): void {
		const kept = events.filter((event) => this.watched.includes(event.split(':')[0] as TriggerEvent));
		if (kept.length > 0) this.events.set(id, [...(this.events.get(id) ?? []), ...kept]);
	}

	/** After a successful poll: invoices late when it started and not reported yet are reported now. */
	lateAtPoll(lateIds: number[]): void {
		for (const id of lateIds) {
			if (this.lateEpisode.has(id)) continue;
			this.lateEpisode.add(id);
			this.record(id, [`overdue:${id}`]);
		}
	}
}

describe.each(WIRES.map((wire) => [wire.name, wire] as const))('Harvest Invoicing Trigger: a random history of 1,000 changes with faults (%s)', (_name, wire) => {
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

	it(`seed ${SEED}: every event exactly once`, async () => {
		const random = new Prng(SEED);
		const store = sandbox.store;
		const today = () => sandbox.now().toISOString().slice(0, 10);
		const isUnpaid = (id: number) => ['open', 'partial'].includes(store.invoices.get(id)?.state ?? '');
		const isLate = (id: number) => isUnpaid(id) && (store.invoices.get(id)?.dueAt ?? '9') < today();

		const all = new Expected(new ActiveTrigger(sandbox, { events: ALL_EVENTS, wire }), ALL_EVENTS);
		const subset = new Expected(new ActiveTrigger(sandbox, { events: SUBSET, wire }), SUBSET);
		const watchers = [all, subset];
		for (const watcher of watchers) expect(await watcher.trigger.activate()).toBeNull();

		const record = (id: number, ...events: string[]) => watchers.forEach((watcher) => watcher.record(id, events));
		// Late invoices at the baseline were never "becoming" late while watched.
		const lateAtStart = [...store.invoices.keys()].filter(isLate);
		for (const watcher of watchers) lateAtStart.forEach((id) => watcher.lateEpisode.add(id));
		const touched = new Set<number>();
		// Partially paid at the last round and only paid in part since: may take another payment.
		const partialOnly = new Set<number>();
		// Changed while a poll read its pages: that poll or the next one sees it, so it waits a round.
		const frozen = new Set<number>();
		let thawing = new Set<number>();
		let midnights = 0;
		let midWalkChanges = 0;
		let repeatedPayments = 0;

		const actionsFor = (id: number): Action[] => {
			const invoice = store.invoices.get(id);
			const hasPayments = store.paymentsOf(id).length > 0;
			switch (invoice?.state) {
				case 'draft':
					return ['send'];
				case 'open':
					return hasPayments ? ['payPart', 'payAll', 'close'] : ['toDraft', 'payPart', 'payAll', 'close'];
				case 'partial':
					return ['payPart', 'payAll', 'deletePayment', 'close'];
				case 'paid':
					return ['deletePayment'];
				default:
					return ['reopen'];
			}
		};

		const change = async (): Promise<void> => {
			sandbox.advanceClock(random.pick([0, 0, 1000, 5000, 30_000, 59_000, 61_000]));
			const candidates = [...store.invoices.keys()].filter((id) => !frozen.has(id) && (!touched.has(id) || partialOnly.has(id)));
			if (candidates.length === 0 || random.chance(0.08)) {
				const pastDue = random.chance(0.5);
				const issued = new Date(sandbox.now().getTime() - (pastDue ? random.int(6, 40) : 0) * 86_400_000);
				const id = await user.createDraft({ issued_at: issued.toISOString().slice(0, 10), due_at_human_format: 'NET 5' });
				record(id, `newInvoice:${id}`);
				touched.add(id);
				return;
			}
			// Now and then, another payment on a partially paid invoice already paid in part since the last round.
			const repeatable = candidates.filter((candidate) => touched.has(candidate));
			const id = repeatable.length > 0 && random.chance(0.15) ? random.pick(repeatable) : random.pick(candidates);
			const again = touched.has(id);
			touched.add(id);
			const from = store.invoices.get(id)?.state;
			const events: string[] = [];
			const action = again ? random.pick<Action>(['payPart', 'payAll']) : random.pick(actionsFor(id));
			if (again) repeatedPayments++;
			switch (action) {
				case 'send':
					await user.send(id);
					events.push(`invoiceSent:${id}`);
					break;
				case 'toDraft':
					await user.toDraft(id);
					events.push(`backToDraft:${id}`);
					break;
				case 'payPart':
				case 'payAll': {
					const due = store.invoices.get(id)?.dueAmount ?? 0;
					const part = Math.floor(due * (0.1 + 0.8 * random.next()) * 100) / 100;
					const amount = action === 'payAll' || part <= 0 || part >= due ? due : part;
					const paymentId = await user.pay(id, amount);
					events.push(`paymentRecorded:${id}:${paymentId}`);
					const to = store.invoices.get(id)?.state;
					if (to === 'partial' && from === 'open') events.push(`partiallyPaid:${id}`);
					if (to === 'paid') events.push(`paid:${id}`);
					break;
				}
				case 'deletePayment':
					await user.deletePayment(id, random.pick(store.paymentsOf(id)).id);
					break;
				case 'close':
					await user.close(id);
					events.push(`writtenOff:${id}`);
					break;
				case 'reopen':
					await user.reopen(id);
					events.push(`reopened:${id}`);
					break;
			}
			if (store.invoices.get(id)?.state !== from) events.push(`stateChanged:${id}`);
			const partialToPartial = from === 'partial' && action === 'payPart' && store.invoices.get(id)?.state === 'partial';
			if (partialToPartial && (!again || partialOnly.has(id))) partialOnly.add(id);
			else partialOnly.delete(id);
			if (!isUnpaid(id)) watchers.forEach((watcher) => watcher.lateEpisode.delete(id));
			record(id, ...events);
		};

		/** While the first poll of a round reads its pages: new invoices, or invoices paid in full that are not late. */
		const changeDuringWalk = async (): Promise<void> => {
			midWalkChanges++;
			const payable = [...store.invoices.keys()].filter(
				(id) => isUnpaid(id) && !isLate(id) && !touched.has(id) && !frozen.has(id) && (store.invoices.get(id)?.dueAt ?? '') > today(),
			);
			if (payable.length === 0 || random.chance(0.4)) {
				const id = await user.createDraft({ issued_at: today(), due_at_human_format: 'NET 30' });
				frozen.add(id);
				record(id, `newInvoice:${id}`);
				return;
			}
			const id = random.pick(payable);
			frozen.add(id);
			const from = store.invoices.get(id)?.state;
			const paymentId = await user.pay(id, store.invoices.get(id)?.dueAmount ?? 0);
			record(id, `paymentRecorded:${id}:${paymentId}`, `paid:${id}`, `stateChanged:${id}`);
			if (from === 'paid') throw new Error('unreachable');
		};

		let polls = 0;
		let failedPolls = 0;
		let restarts = 0;
		const armFaults = () => {
			sandbox.clearFaults();
			RANDOM_FAULTS.forEach((kind, index) =>
				sandbox.setFault({ kind, method: 'GET', probability: 0.012, seed: polls * 10 + index, retryAfterSeconds: 1 }),
			);
			if (random.chance(0.1)) sandbox.setFault({ kind: '500', method: 'GET', path: wire.path('/invoices/:id/payments'), times: 3 });
		};
		const poll = async (watcher: Expected): Promise<boolean> => {
			polls++;
			const errorsBefore = loggedErrors.mock.calls.length;
			const late = [...store.invoices.keys()].filter(isLate);
			const result = await watcher.trigger.poll();
			for (const { json } of result?.[0] ?? []) {
				const id = Number(json.id);
				const payment = json.payment as { id: number } | undefined;
				const emitted = watcher.emitted;
				emitted.set(id, [...(emitted.get(id) ?? []), `${String(json.event)}:${id}${payment ? `:${payment.id}` : ''}`]);
			}
			const succeeded = loggedErrors.mock.calls.length === errorsBefore;
			if (succeeded) watcher.lateAtPoll(late);
			else failedPolls++;
			if (random.chance(0.05)) {
				watcher.trigger.restart();
				restarts++;
			}
			return succeeded;
		};
		/** Both triggers poll; changes wait for the next round only when both succeeded. */
		const pollRound = async (changesDuringWalk = true): Promise<boolean> => {
			if (changesDuringWalk && random.chance(0.2)) {
				sandbox.onRequest({ method: 'GET', path: wire.path('/invoices'), nth: random.int(1, 2), action: changeDuringWalk });
			}
			const succeeded = [];
			for (const watcher of watchers) succeeded.push(await poll(watcher));
			if (succeeded.every(Boolean)) {
				touched.clear();
				partialOnly.clear();
				for (const id of store.invoices.keys()) if (store.invoices.get(id)?.state === 'partial') partialOnly.add(id);
				// A change made during this round's walk is seen by now only if both later polls succeeded too.
				for (const id of thawing) frozen.delete(id);
				thawing = new Set(frozen);
			}
			return succeeded.every(Boolean);
		};

		let done = 0;
		while (done < CHANGES) {
			const window = random.pick([1, 1, 2, 3, 5, 8, 13, 30]);
			for (let index = 0; index < window && done < CHANGES; index++, done++) await change();
			if (random.chance(0.04)) {
				// Past the next midnight (and into the next morning): invoices due yesterday are now late.
				const msToMidnight = 86_400_000 - (sandbox.now().getTime() % 86_400_000);
				sandbox.advanceClock(msToMidnight + random.int(1, 6) * 3_600_000);
				midnights++;
			}
			armFaults();
			await pollRound();
		}
		sandbox.clearFaults();
		sandbox.advanceClock(MINUTE);
		// Two quiet rounds: the second sees what changed during the first one's walk.
		expect(await pollRound(false)).toBe(true);
		sandbox.advanceClock(MINUTE);
		expect(await pollRound(false)).toBe(true);

		const sorted = (map: Map<number, string[]>) => [...map].sort(([a], [b]) => a - b);
		for (const watcher of watchers) expect(sorted(watcher.emitted)).toEqual(sorted(watcher.events));
		expect(failedPolls).toBeGreaterThan(0);
		expect(restarts).toBeGreaterThan(0);
		expect(midnights).toBeGreaterThan(2);
		expect(midWalkChanges).toBeGreaterThan(10);
		expect(repeatedPayments).toBeGreaterThan(10);
		expect([...all.events.values()].flat().some((event) => event.startsWith('overdue:'))).toBe(true);
	}, 300_000);
});
