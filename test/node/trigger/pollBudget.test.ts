import { decodeSnapshot } from '../../../nodes/HarvestInvoicing/trigger/snapshot';
import { startSandbox, type Sandbox } from '../../sandbox';
import { ALL_EVENTS } from '../../unit/trigger/fixtures';
import { ActiveTrigger, DAY, MINUTE, eventsOf, harvestUser, triggerRequests, type HarvestUser } from './triggerHarness';
import { WIRES } from './wires';

/**
 * n8n 2.41's durable scheduler gives a poll a budget (`getPollBudgetMs()`) and abandons a poll
 * that runs longer; an abandoned baseline would start over at every poll and never finish. With a
 * budget the first baseline is read in parts, one per poll, each stopping between pages when time
 * is up; nothing is reported until it is complete, and what changed meanwhile is reported after.
 */
describe.each(WIRES)('Trigger: a baseline longer than the poll budget ($name)', (wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 300, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('is read in parts within the budget, loses nothing, and reports what changed meanwhile once', async () => {
		const trigger = new ActiveTrigger(sandbox, { events: [...ALL_EVENTS], wire, pollBudgetMs: 1 });
		const user = harvestUser(sandbox);
		const atActivation = new Set(sandbox.store.invoices.keys());
		sandbox.clearRequests();
		expect(await trigger.activate()).toBeNull();
		const firstPart = decodeSnapshot(trigger.stored().snapshot);
		expect(firstPart.baselineWalk).toBeDefined();
		// The list walk's requests; the last part also probes for overdue invoices (a few small reads).
		const listReads = () => triggerRequests(sandbox).filter((request) => !request.includes(wire.pastDueList)).length;
		const requestsPerPart = [listReads()];

		// Changed after the part that read it: the newest issued open invoice is in the first part.
		const paidMeanwhile = [...sandbox.store.invoices.values()]
			.filter((invoice) => invoice.state === 'open')
			.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0))[0];
		expect(firstPart.invoices.has(paidMeanwhile.id)).toBe(true);
		sandbox.advanceClock(MINUTE);
		await user.pay(paidMeanwhile.id, 1);
		const createdMeanwhile = await user.createDraft();

		let parts = 1;
		while (decodeSnapshot(trigger.stored().snapshot).baselineWalk && parts < 100) {
			sandbox.advanceClock(MINUTE);
			sandbox.clearRequests();
			expect(await trigger.poll()).toBeNull();
			requestsPerPart.push(listReads());
			parts++;
		}
		const baseline = decodeSnapshot(trigger.stored().snapshot);
		expect(baseline.baselineWalk).toBeUndefined();
		expect(parts).toBeGreaterThan(1);
		// Each part stops after the first page that reaches an earlier issue day (one or two requests).
		expect(Math.max(...requestsPerPart)).toBeLessThanOrEqual(3);
		// Every invoice there at activation; the one created meanwhile (issued today, a day already read) comes next.
		expect(new Set(baseline.invoices.keys())).toEqual(atActivation);

		sandbox.advanceClock(MINUTE);
		const events = eventsOf(await trigger.poll());
		expect(events).toContain(`partiallyPaid:${paidMeanwhile.id}`);
		expect(events).toContain(`newInvoice:${createdMeanwhile}`);
		sandbox.advanceClock(MINUTE);
		expect(eventsOf(await trigger.poll()).filter((event) => !event.startsWith('overdue:'))).toEqual([]);
	});

	it('takes the baseline in one poll when the budget is ample', async () => {
		sandbox.reset({ invoices: 300, throttle: false });
		const trigger = new ActiveTrigger(sandbox, { events: [...ALL_EVENTS], wire, pollBudgetMs: 5 * MINUTE });
		expect(await trigger.activate()).toBeNull();
		const baseline = decodeSnapshot(trigger.stored().snapshot);
		expect(baseline.baselineWalk).toBeUndefined();
		expect(baseline.invoices.size).toBe(sandbox.store.invoices.size);
	});
});

/**
 * A regular poll after an outage may find more changes than fit in the budget. Its listing is
 * sorted by issue date, not by change, so it cannot stop at a point in time: it stops between
 * pages, reports what it read, and the next poll goes on with the older issue dates; the cursor
 * moves on only once the listing is complete. Each test keeps a trigger without a budget beside
 * it, polled at the same moments: the split polls must report exactly what it reports.
 */
describe.each(WIRES)('Trigger: a regular poll with more changes than fit in the poll budget ($name)', (wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 300, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	// More than one page of changes (v1 pages hold 50, v2 pages 2,000), issued over three weeks.
	const changes = wire.pageSize + 70;
	const fullPages = Math.ceil(changes / wire.pageSize);
	const issued = (daysAgo: number) => new Date(sandbox.now().getTime() - daysAgo * DAY).toISOString().slice(0, 10);
	const walking = (trigger: ActiveTrigger) => {
		const state = decodeSnapshot(trigger.stored().snapshot);
		return state.baselineWalk !== undefined || state.changesWalk !== undefined;
	};
	const notOverdue = (events: string[]) => events.filter((event) => !event.startsWith('overdue:')).sort();

	/** Creates the drafts a few at a time (a v2 page's worth takes a while one by one). */
	async function createDrafts(user: HarvestUser, count: number): Promise<number[]> {
		const created: number[] = [];
		for (let start = 0; start < count; start += 20) {
			const batch = Array.from({ length: Math.min(20, count - start) }, (_, index) => user.createDraft({ issued_at: issued((start + index) % 21) }));
			created.push(...(await Promise.all(batch)));
		}
		return created;
	}

	/** Polls a minute apart until no listing is left unfinished; the events of every poll. */
	async function pollThrough(trigger: ActiveTrigger): Promise<string[]> {
		const events: string[] = [];
		for (let polls = 0; walking(trigger) && polls < 100; polls++) {
			sandbox.advanceClock(MINUTE);
			events.push(...eventsOf(await trigger.poll()));
		}
		expect(walking(trigger)).toBe(false);
		return events;
	}

	/** A trigger with a 1 ms budget and one without, both with their baselines taken now. */
	async function activatePair(): Promise<{ split: ActiveTrigger; whole: ActiveTrigger }> {
		sandbox.reset({ invoices: 300, throttle: false });
		const split = new ActiveTrigger(sandbox, { events: [...ALL_EVENTS], wire, pollBudgetMs: 1 });
		const whole = new ActiveTrigger(sandbox, { events: [...ALL_EVENTS], wire });
		await split.activate();
		await whole.activate();
		await pollThrough(split);
		return { split, whole };
	}

	const listReads = () => triggerRequests(sandbox).filter((request) => request.includes('updated_since'));

	it('stops between pages, and over the next polls reports every change once', async () => {
		const { split, whole } = await activatePair();
		sandbox.advanceClock(MINUTE);
		const created = await createDrafts(harvestUser(sandbox), changes);
		sandbox.clearRequests();
		const first = eventsOf(await split.poll());
		expect(listReads().length).toBeLessThan(fullPages);
		expect(walking(split)).toBe(true);
		const events = [...first, ...(await pollThrough(split))];
		// The poll after the listing completes reads from where it began: nothing more to report.
		sandbox.advanceClock(MINUTE);
		events.push(...eventsOf(await split.poll()));

		const expected = eventsOf(await whole.poll());
		expect(expected.filter((event) => event.startsWith('newInvoice:'))).toHaveLength(changes);
		expect(notOverdue(events)).toEqual(notOverdue(expected));
		expect(created.every((id) => events.includes(`newInvoice:${id}`))).toBe(true);
	}, 180_000);

	it('reports changes made between its polls once, whether the walk had read the invoice or not', async () => {
		const { split, whole } = await activatePair();
		const user = harvestUser(sandbox);
		sandbox.advanceClock(MINUTE);
		const created = await createDrafts(user, changes);
		const events = eventsOf(await split.poll());
		const expected = eventsOf(await whole.poll());
		const part = decodeSnapshot(split.stored().snapshot);
		expect(part.changesWalk).toBeDefined();
		// One the first part read (newest issue dates), one it has not yet reached (the oldest issue date).
		const read = created.find((id) => part.invoices.has(id)) as number;
		const unread = created[20];
		expect(read).toBeDefined();
		expect(part.invoices.has(unread)).toBe(false);

		sandbox.advanceClock(MINUTE);
		await user.send(read);
		// Issued today: on a day the walk has already passed.
		const latecomer = await user.createDraft({ issued_at: issued(0) });
		// Minutes later, read by a later part: its newer updated_at must not carry the cursor past the two above.
		sandbox.advanceClock(5 * MINUTE);
		await user.send(unread);
		// From the stored state, as after a restart of n8n: the walk goes on from there.
		split.restart();
		events.push(...(await pollThrough(split)));
		sandbox.advanceClock(MINUTE);
		events.push(...eventsOf(await split.poll()));
		sandbox.advanceClock(MINUTE);
		events.push(...eventsOf(await split.poll()));
		expected.push(...eventsOf(await whole.poll()));

		expect(expected).toContain(`invoiceSent:${read}`);
		expect(expected).toContain(`invoiceSent:${unread}`);
		expect(expected).toContain(`newInvoice:${latecomer}`);
		expect(notOverdue(events)).toEqual(notOverdue(expected));
	}, 180_000);

	it('with an ample budget, sends the same requests as without one', async () => {
		sandbox.reset({ invoices: 300, throttle: false });
		const ample = new ActiveTrigger(sandbox, { events: [...ALL_EVENTS], wire, pollBudgetMs: 5 * MINUTE });
		const none = new ActiveTrigger(sandbox, { events: [...ALL_EVENTS], wire });
		await ample.activate();
		await none.activate();
		sandbox.advanceClock(MINUTE);
		await createDrafts(harvestUser(sandbox), changes);
		sandbox.clearRequests();
		const withBudget = eventsOf(await ample.poll());
		// The two cursors may differ by a second (each is moved back by its own baseline's length).
		const requests = () => triggerRequests(sandbox).map((request) => request.replace(/updated_since=[^&]*/, 'updated_since=*'));
		const sent = requests();
		sandbox.clearRequests();
		expect(eventsOf(await none.poll())).toEqual(withBudget);
		expect(requests()).toEqual(sent);
		expect(sent.filter((request) => request.includes('updated_since')).length).toBeGreaterThanOrEqual(fullPages);
		expect(walking(ample)).toBe(false);
	}, 180_000);
});
