import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { startSandbox, type FaultKind, type Sandbox } from '../../sandbox';
import { ALL_EVENTS, Prng } from '../../unit/trigger/fixtures';
import { ActiveTrigger, MINUTE, harvestUser, type HarvestUser } from './triggerHarness';

// Throttle and retry waits are honoured for real in pollLifecycle.test.ts; here they would only
// make hundreds of injected faults slow.
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: async () => undefined }));

/**
 * A seeded, reproducible history of 1,000 changes made through the sandbox's API, polled at
 * random points with faults injected into the trigger's requests (errors, resets, unreadable and
 * truncated bodies, throttling, a payment list failing three times in a row) and n8n restarts.
 * Every event of the history comes out exactly once. Between two successful polls an invoice
 * changes at most once (two changes in between would reach any poller as one).
 */
const SEED = 20_260_615;
const CHANGES = 1_000;
const RANDOM_FAULTS: FaultKind[] = ['500', '502', 'reset', 'malformed', 'truncated', 'html', 'throttle'];

type Action = 'send' | 'toDraft' | 'payPart' | 'payAll' | 'deletePayment' | 'close' | 'reopen';

describe('Harvest Invoicing Trigger: a random history of 1,000 changes with faults', () => {
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

		const trigger = new ActiveTrigger(sandbox, { events: ALL_EVENTS });
		expect(await trigger.activate()).toBeNull();

		const history = new Map<number, string[]>();
		const record = (id: number, ...events: string[]) => history.set(id, [...(history.get(id) ?? []), ...events]);
		// Late invoices at the baseline were never "becoming" late while watched.
		const lateEpisode = new Set([...store.invoices.keys()].filter(isLate));
		const touched = new Set<number>();

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
			const candidates = [...store.invoices.keys()].filter((id) => !touched.has(id));
			if (candidates.length === 0 || random.chance(0.08)) {
				const pastDue = random.chance(0.5);
				const issued = new Date(sandbox.now().getTime() - (pastDue ? random.int(6, 40) : 0) * 86_400_000);
				const id = await user.createDraft({ issued_at: issued.toISOString().slice(0, 10), due_at_human_format: 'NET 5' });
				record(id, `newInvoice:${id}`);
				touched.add(id);
				return;
			}
			const id = random.pick(candidates);
			touched.add(id);
			const from = store.invoices.get(id)?.state;
			const events: string[] = [];
			const action = random.pick(actionsFor(id));
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
			if (!isUnpaid(id)) lateEpisode.delete(id);
			if (isLate(id) && !lateEpisode.has(id)) {
				lateEpisode.add(id);
				events.push(`overdue:${id}`);
			}
			record(id, ...events);
		};

		const emitted = new Map<number, string[]>();
		let polls = 0;
		let failedPolls = 0;
		let restarts = 0;
		const armFaults = () => {
			sandbox.clearFaults();
			RANDOM_FAULTS.forEach((kind, index) =>
				sandbox.setFault({ kind, method: 'GET', probability: 0.012, seed: polls * 10 + index, retryAfterSeconds: 1 }),
			);
			if (random.chance(0.1)) sandbox.setFault({ kind: '500', method: 'GET', path: '/invoices/:id/payments', times: 3 });
		};
		const poll = async (): Promise<boolean> => {
			polls++;
			const errorsBefore = loggedErrors.mock.calls.length;
			const result = await trigger.poll();
			for (const { json } of result?.[0] ?? []) {
				const id = Number(json.id);
				const payment = json.payment as { id: number } | undefined;
				emitted.set(id, [...(emitted.get(id) ?? []), `${String(json.event)}:${id}${payment ? `:${payment.id}` : ''}`]);
			}
			const succeeded = loggedErrors.mock.calls.length === errorsBefore;
			if (succeeded) touched.clear();
			else failedPolls++;
			if (random.chance(0.05)) {
				trigger.restart();
				restarts++;
			}
			return succeeded;
		};

		let done = 0;
		while (done < CHANGES) {
			const window = random.pick([1, 1, 2, 3, 5, 8, 13, 30]);
			for (let index = 0; index < window && done < CHANGES; index++, done++) await change();
			armFaults();
			await poll();
		}
		sandbox.clearFaults();
		sandbox.advanceClock(MINUTE);
		expect(await poll()).toBe(true);

		const sorted = (map: Map<number, string[]>) => [...map].sort(([a], [b]) => a - b);
		expect(sorted(emitted)).toEqual(sorted(history));
		expect(failedPolls).toBeGreaterThan(0);
		expect(restarts).toBeGreaterThan(0);
		expect([...history.values()].flat().some((event) => event.startsWith('overdue:'))).toBe(true);
	}, 300_000);
});
