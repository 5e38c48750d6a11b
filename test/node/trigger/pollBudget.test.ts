import { decodeSnapshot } from '../../../nodes/HarvestInvoicing/trigger/snapshot';
import { startSandbox, type Sandbox } from '../../sandbox';
import { ALL_EVENTS } from '../../unit/trigger/fixtures';
import { ActiveTrigger, MINUTE, eventsOf, harvestUser, triggerRequests } from './triggerHarness';
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
