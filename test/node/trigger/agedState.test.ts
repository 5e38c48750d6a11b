import { startSandbox, type Sandbox } from '../../sandbox';
import { ALL_EVENTS } from '../../unit/trigger/fixtures';
import { ActiveTrigger, DAY, MINUTE, eventsOf, harvestUser } from './triggerHarness';
import { WIRES } from './wires';

/**
 * Invoices not changed for a day are stored in a few bytes each (trigger/agedEntries.ts) instead
 * of being forgotten: changes to them, however old, still start the workflow, once.
 */
describe.each(WIRES)('Trigger: the stored state of a large account ($name)', (wire) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 2_000, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('stays within 8 KB per 1,000 invoices, and changes to old invoices still fire exactly once', async () => {
		sandbox.reset({ invoices: 2_000, throttle: false });
		const trigger = new ActiveTrigger(sandbox, { events: [...ALL_EVENTS], wire });
		await trigger.activate();
		sandbox.advanceClock(2 * DAY);
		await trigger.poll();
		const bytes = Buffer.byteLength(trigger.saved);
		expect(bytes).toBeLessThanOrEqual(2 * 8 * 1024);

		const user = harvestUser(sandbox);
		const invoices = [...sandbox.store.invoices.values()];
		const drafts = invoices.filter((invoice) => invoice.state === 'draft').slice(0, 5);
		const open = invoices.find((invoice) => invoice.state === 'open' && invoice.dueAt >= sandbox.now().toISOString().slice(0, 10));
		expect(drafts).toHaveLength(5);
		sandbox.advanceClock(MINUTE);
		for (const draft of drafts) await user.send(draft.id);
		if (open) await user.pay(open.id, 1);
		trigger.restart();
		const events = eventsOf(await trigger.poll());
		expect(events.filter((event) => event.startsWith('invoiceSent:'))).toEqual(drafts.map((draft) => `invoiceSent:${draft.id}`));
		if (open) expect(events).toContain(`partiallyPaid:${open.id}`);
		sandbox.advanceClock(MINUTE);
		expect(eventsOf(await trigger.poll()).filter((event) => !event.startsWith('overdue:'))).toEqual([]);
	});
});
