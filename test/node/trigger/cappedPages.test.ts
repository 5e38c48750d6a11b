import { decodeSnapshot } from '../../../nodes/HarvestInvoicing/trigger/snapshot';
import { startSandbox, type Sandbox } from '../../sandbox';
import { ActiveTrigger, MINUTE, eventsOf, harvestUser } from './triggerHarness';
import { V2 } from './wires';

/**
 * The trigger asks v2 for pages of 2000 invoices; an account answering at most 100 a page (the
 * sandbox's cap here, `per_page: 100` in its answers, as Harvest says it) must not cut the
 * baseline at the first page: an invoice the baseline missed would be unknown to every later
 * poll, and its payment never reported (issue 9).
 */
describe('Harvest Invoicing Trigger on v2 when Harvest answers fewer invoices a page than asked', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 300, throttle: false, v2MaxPerPage: 100 });
	});
	afterAll(async () => await sandbox.stop());

	it('takes every invoice into the baseline and reports a later payment of the oldest open one', async () => {
		const trigger = new ActiveTrigger(sandbox, { events: ['paid'], wire: V2 });
		expect(await trigger.activate()).toBeNull();
		const baseline = decodeSnapshot(trigger.stored().snapshot);
		expect(new Set(baseline.invoices.keys())).toEqual(new Set(sandbox.store.invoices.keys()));

		// Issued first, so listed last: on the last of the capped pages.
		const oldestOpen = [...sandbox.store.invoices.values()]
			.filter((invoice) => invoice.state === 'open')
			.sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : a.id - b.id))[0];
		sandbox.advanceClock(MINUTE);
		await harvestUser(sandbox).pay(oldestOpen.id, oldestOpen.dueAmount);

		sandbox.advanceClock(MINUTE);
		expect(eventsOf(await trigger.poll())).toEqual([`paid:${oldestOpen.id}`]);
		sandbox.advanceClock(MINUTE);
		expect(await trigger.poll()).toBeNull();
	});
});
