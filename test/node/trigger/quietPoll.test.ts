import { startSandbox, type Sandbox } from '../../sandbox';
import { ALL_EVENTS } from '../../unit/trigger/fixtures';
import { ActiveTrigger, MINUTE, eventsOf, harvestUser, triggerRequests } from './triggerHarness';
import { WIRES } from './wires';

/**
 * A quiet poll over a large account costs one request (two when overdue is watched), however many
 * invoices there are and however many are late: the listing asks only for what changed, and the
 * overdue check probes the one invoice due first.
 */
describe.each(WIRES.map((wire) => [wire.name, wire] as const))('Harvest Invoicing Trigger: a quiet poll over 10,000 invoices (%s)', (_name, wire) => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 10_000 });
	});
	afterAll(async () => await sandbox.stop());

	it.each([
		['without overdue: 1 request', ALL_EVENTS.filter((event) => event !== 'overdue'), 1],
		['watching overdue: 2 requests', ALL_EVENTS, 2],
	])('%s', async (_name, events, expected) => {
		sandbox.reset({ throttle: false, invoices: 10_000 });
		const trigger = new ActiveTrigger(sandbox, { events, wire });
		sandbox.clearRequests();
		expect(await trigger.activate()).toBeNull();
		const baseline = triggerRequests(sandbox);
		// The baseline reads the whole list once (200 pages on v1, 5 on v2); the overdue flags need only a few probes.
		expect(baseline.filter((path) => path.includes(wire.pastDueList)).length).toBeLessThanOrEqual(events.includes('overdue') ? 30 : 0);

		// One change first, so the cursor comes from a poll rather than from the baseline.
		sandbox.advanceClock(5 * MINUTE);
		const user = harvestUser(sandbox);
		const id = await user.createDraft();
		expect(eventsOf(await trigger.poll())).toEqual(events.includes('newInvoice') ? [`newInvoice:${id}`] : []);

		sandbox.advanceClock(MINUTE);
		sandbox.clearRequests();
		expect(await trigger.poll()).toBeNull();
		const quiet = triggerRequests(sandbox);
		expect(quiet).toHaveLength(expected);
		expect(quiet[0].startsWith(wire.path('/invoices?updated_since='))).toBe(true);
		if (expected === 2) expect(quiet[1]).toMatch(wire.pastDueProbe);
	}, 120_000);

	it('right after the baseline, records of the cursor minute are read again but reported once only', async () => {
		sandbox.reset({ throttle: false, invoices: 10_000 });
		const trigger = new ActiveTrigger(sandbox, { events: ALL_EVENTS, wire });
		await trigger.activate();
		sandbox.advanceClock(MINUTE);
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
	}, 120_000);
});
