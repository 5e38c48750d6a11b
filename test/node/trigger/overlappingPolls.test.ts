import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { startSandbox, type Sandbox } from '../../sandbox';
import { ALL_EVENTS } from '../../unit/trigger/fixtures';
import { ActiveTrigger, MINUTE, eventsOf, harvestUser, type HarvestUser } from './triggerHarness';
import { WIRES } from './wires';

/**
 * n8n starts a poll on schedule even while the previous one is still running. Both would read the
 * same stored snapshot and report the same changes: the second one skips instead.
 */
describe.each(WIRES.map((wire) => [wire.name, wire] as const))('Harvest Invoicing Trigger: overlapping polls (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let user: HarvestUser;
	let quiet: jest.SpyInstance[];

	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 30 });
		user = harvestUser(sandbox);
		const logger = Container.get(Logger);
		quiet = [jest.spyOn(logger, 'info').mockImplementation(() => undefined), jest.spyOn(logger, 'error').mockImplementation(() => undefined)];
	});
	afterAll(async () => {
		for (const spy of quiet) spy.mockRestore();
		await sandbox.stop();
	});

	it('a poll started while a slow one runs reports nothing; each change is reported exactly once', async () => {
		const trigger = new ActiveTrigger(sandbox, { events: ALL_EVENTS, wire });
		await trigger.activate();
		sandbox.advanceClock(2 * MINUTE);
		const id = await user.createDraft();
		await user.send(id);
		sandbox.setFault({ kind: 'slow', method: 'GET', path: wire.path('/invoices'), times: 1, delayMs: 800 });

		const [slow, overlapping] = await Promise.all([trigger.poll(), trigger.poll()]);

		expect(eventsOf(overlapping)).toEqual([]);
		expect([...eventsOf(slow), ...eventsOf(overlapping)]).toEqual([`newInvoice:${id}`, `invoiceSent:${id}`, `stateChanged:${id}`]);
		expect(eventsOf(await trigger.poll())).toEqual([]);
	});

	it('the skipped poll loses nothing: a change made while the slow poll ran is reported by the next one', async () => {
		const trigger = new ActiveTrigger(sandbox, { events: ['newInvoice'], wire });
		await trigger.activate();
		sandbox.advanceClock(2 * MINUTE);
		const first = await user.createDraft();
		let second = 0;
		// The second invoice is created after the slow poll read the list, before it finished.
		sandbox.onRequest({ method: 'GET', path: wire.path('/invoices'), action: async () => void (second = await user.createDraft()) });
		sandbox.setFault({ kind: 'slow', method: 'GET', path: wire.path('/invoices'), times: 1, delayMs: 500, phase: 'after' });

		const [slow, overlapping] = await Promise.all([trigger.poll(), trigger.poll()]);
		const later = await trigger.poll();

		expect(eventsOf(slow)).toEqual([`newInvoice:${first}`]);
		expect(eventsOf(overlapping)).toEqual([]);
		expect(eventsOf(later)).toEqual([`newInvoice:${second}`]);
	});

	it('a poll that failed releases the node: the next poll runs', async () => {
		const trigger = new ActiveTrigger(sandbox, { events: ['newInvoice'], wire });
		await trigger.activate();
		sandbox.advanceClock(2 * MINUTE);
		const id = await user.createDraft();
		sandbox.setFault({ kind: 'reset', method: 'GET', path: wire.path('/invoices'), times: 1 });
		sandbox.setFault({ kind: '500', method: 'GET', path: wire.path('/invoices'), times: 10 });
		expect(await trigger.poll()).toBeNull();
		sandbox.clearFaults();
		expect(eventsOf(await trigger.poll())).toEqual([`newInvoice:${id}`]);
	});
});
