import { startSandbox, type Sandbox } from '../../sandbox';
import { harvest } from '../../sandbox/testing/client';
import { ActiveTrigger, MINUTE, eventsOf, harvestUser, type HarvestUser } from './triggerHarness';
import { WIRES } from './wires';

const issued = (days: number) => new Date(Date.UTC(2026, 5, 15 + days)).toISOString().slice(0, 10);

/**
 * Invoices created, deleted and re-dated while a poll reads the pages of its listing (the sandbox
 * changes them after the first page is answered): every change is reported exactly once, in this
 * poll or the next. On v2 the node asks for pages of 2000, so the 100 invoices fit on one page and
 * the changes land after the walk's only page: they must still be reported once, by the next poll.
 */
describe.each(WIRES.map((wire) => [wire.name, wire] as const))('Harvest Invoicing Trigger: invoices changing while a poll walks the pages (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let user: HarvestUser;

	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 30 });
		user = harvestUser(sandbox);
	});
	afterAll(async () => await sandbox.stop());

	it('loses and repeats no new invoice when the first page shifts under the walk', async () => {
		const trigger = new ActiveTrigger(sandbox, { events: ['newInvoice'], wire });
		await trigger.activate();
		sandbox.advanceClock(2 * MINUTE);
		// 100 new invoices, one per issue date: two pages of the poll's listing, the newest 50 on page 1.
		const created: number[] = [];
		for (let day = 1; day <= 100; day++) created.push(await user.createDraft({ issued_at: issued(day) }));
		// Ten minutes later one of them changes, so the poll's cursor moves well past the others' updated_at:
		// one of them skipped now would never be listed again.
		sandbox.advanceClock(10 * MINUTE);
		await user.update(created[99], { subject: 'Changed later' });

		let createdDuringWalk = 0;
		const api = harvest(sandbox);
		sandbox.onRequest({
			method: 'GET',
			path: wire.path('/invoices'),
			action: async () => {
				// After page 1: three invoices of page 1 deleted (page 2 moves three places forward),
				// one created on top, and one of page 2 re-dated onto page 1.
				for (const id of created.slice(96, 99)) await api.delete(`/invoices/${id}`);
				createdDuringWalk = await user.createDraft({ issued_at: issued(200) });
				await user.update(created[10], { issued_at: issued(150) });
			},
		});

		const events = [...eventsOf(await trigger.poll()), ...eventsOf(await trigger.poll())];
		const reported = events.map((event) => Number(event.split(':')[1]));
		expect(new Set(reported).size).toBe(reported.length);
		const deleted = new Set(created.slice(96, 99));
		const expected = [...created.filter((id) => !deleted.has(id)), createdDuringWalk].sort((a, b) => a - b);
		expect(reported.filter((id) => !deleted.has(id)).sort((a, b) => a - b)).toEqual(expected);
		expect(eventsOf(await trigger.poll())).toEqual([]);
	});
});
