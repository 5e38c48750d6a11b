import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { startSandbox, type Sandbox } from '../../sandbox';
import { ALL_EVENTS } from '../../unit/trigger/fixtures';
import { ActiveTrigger, MINUTE, eventsOf, harvestUser, triggerRequests, type HarvestUser, type TriggerParameters } from './triggerHarness';
import { WIRES } from './wires';

/** Manual runs, the first activation, failing polls and throttling. */
describe.each(WIRES.map((wire) => [wire.name, wire] as const))('Harvest Invoicing Trigger: lifecycle (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	const watching = (parameters: TriggerParameters) => new ActiveTrigger(sandbox, { ...parameters, wire });
	let user: HarvestUser;
	let loggedErrors: jest.SpyInstance;

	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 60 });
		user = harvestUser(sandbox);
		loggedErrors = jest.spyOn(Container.get(Logger), 'error').mockImplementation(() => undefined);
	});
	afterAll(async () => {
		loggedErrors.mockRestore();
		await sandbox.stop();
	});
	beforeEach(() => {
		sandbox.reset({ throttle: false, invoices: 60 });
		loggedErrors.mockClear();
	});

	describe('Fetch Test Event (manual mode)', () => {
		it('returns one recent invoice in the state of the event, marked as a sample, and writes no state', async () => {
			const trigger = watching({ events: ['paid'] });
			const result = await trigger.manual();
			expect(result?.[0]).toHaveLength(1);
			// The state before is not known from one read: null, not a guess.
			expect(result?.[0][0].json).toMatchObject({ sample: true, event: 'paid', state: 'paid', previous_state: null });
			// The sample is the API's own invoice record, as the Invoice resource outputs it.
			expect(result?.[0][0].json).toHaveProperty(wire.issueDateField);
			expect(trigger.stored()).toEqual({});
			expect(triggerRequests(sandbox).filter((path) => path.startsWith(wire.path('/invoices')))).toEqual([wire.firstPage('paid')]);
		});

		it('picks the invoice that changed last, not the one issued last', async () => {
			const paid = [...sandbox.store.invoices.values()].filter((invoice) => invoice.state === 'paid');
			expect(paid.length).toBeGreaterThan(1);
			const listed = (await watching({ events: ['paid'] }).manual())?.[0][0].json.id;
			const other = paid.find((invoice) => invoice.id !== listed)!;
			sandbox.advanceClock(5 * MINUTE);
			await user.update(other.id, { notes: 'Changed after the others' });
			const [[item]] = (await watching({ events: ['paid'] }).manual()) ?? [[]];
			expect(item.json).toMatchObject({ sample: true, event: 'paid', id: other.id, notes: 'Changed after the others', previous_state: null });
		});

		it('keeps the real state for Invoice Overdue, which does not change it', async () => {
			const [[item]] = (await watching({ events: ['overdue'] }).manual()) ?? [[]];
			expect(item.json.sample).toBe(true);
			expect(item.json.event).toBe('overdue');
			expect(['open', 'partial']).toContain(item.json.state);
			expect(item.json.previous_state).toBe(item.json.state);
		});

		it('for Any State Change into Partially Paid, shows a partially paid invoice', async () => {
			const [[item]] = (await watching({ events: ['stateChanged'], stateChangedTo: ['partial'] }).manual()) ?? [[]];
			expect(item.json).toMatchObject({ sample: true, event: 'stateChanged', state: 'partial', previous_state: null });
			expect(Number(item.json.due_amount)).toBeGreaterThan(0);
			expect(Number(item.json.due_amount)).toBeLessThan(Number(item.json.amount));
		});

		it('shows a payment for Payment Recorded', async () => {
			const trigger = watching({ events: ['paymentRecorded'], includePayments: true });
			const [[item]] = (await trigger.manual()) ?? [[]];
			expect(item.json).toMatchObject({ event: 'paymentRecorded', payment: { id: expect.any(Number), ...wire.paymentOf(item.json.id as number) } });
			expect((item.json.payments as unknown[]).length).toBeGreaterThan(0);
		});

		it('leaves an active trigger state untouched', async () => {
			const trigger = watching({ events: ALL_EVENTS });
			await trigger.activate();
			const before = JSON.stringify(trigger.stored());
			await user.createDraft();
			await trigger.manual();
			expect(JSON.stringify(trigger.stored())).toBe(before);
		});

		it('throws errors so the editor shows them', async () => {
			sandbox.setFault({ kind: 'malformed', method: 'GET' });
			await expect(watching({ events: ['paid'] }).manual()).rejects.toThrow(/could not be read/);
		});
	});

	describe('first activation', () => {
		it('throws when the baseline cannot be read, and stores nothing', async () => {
			sandbox.setFault({ kind: '500', method: 'GET', path: wire.path('/invoices') });
			const trigger = watching({ events: ALL_EVENTS });
			await expect(trigger.activate()).rejects.toThrow();
			expect(trigger.stored()).toEqual({});
			sandbox.clearFaults();
			expect(await trigger.activate()).toBeNull();
			expect(trigger.stored().snapshot).toBeDefined();
		});
	});

	describe('once active', () => {
		let trigger: ActiveTrigger;
		beforeEach(async () => {
			trigger = watching({ events: ALL_EVENTS });
			await trigger.activate();
			sandbox.advanceClock(2 * MINUTE);
		});

		it('a failed poll is logged, keeps the state and cursor, and the next poll picks up everything', async () => {
			const id = await user.createDraft();
			await user.send(id);
			const before = JSON.stringify(trigger.stored());
			sandbox.setFault({ kind: 'reset', method: 'GET' });
			expect(await trigger.poll()).toBeNull();
			expect(loggedErrors).toHaveBeenCalledTimes(1);
			expect(String(loggedErrors.mock.calls[0][0])).toMatch(/could not poll Harvest/);
			expect(JSON.stringify(trigger.stored())).toBe(before);
			sandbox.clearFaults();
			expect(eventsOf(await trigger.poll())).toEqual([`newInvoice:${id}`, `invoiceSent:${id}`, `stateChanged:${id}`]);
		});

		it('a poll failing midway (after the listing, on a payment list) loses nothing and repeats nothing', async () => {
			const id = await user.createDraft();
			await user.send(id);
			expect(eventsOf(await trigger.poll())).toHaveLength(3);
			const paymentId = await user.pay(id, 1000);
			const other = await user.createDraft();
			sandbox.setFault({ kind: '500', method: 'GET', path: wire.path('/invoices/:id/payments'), times: 3 });
			sandbox.clearRequests();
			expect(await trigger.poll()).toBeNull();
			expect(triggerRequests(sandbox).filter((path) => path.endsWith('/payments'))).toHaveLength(3);
			expect(eventsOf(await trigger.poll())).toEqual([
				`paymentRecorded:${id}:${paymentId}`,
				`paid:${id}`,
				`stateChanged:${id}`,
				`newInvoice:${other}`,
			]);
			expect(eventsOf(await trigger.poll())).toEqual([]);
		});

		it('a body that cannot be read fails the poll rather than being taken for "no changes"', async () => {
			const id = await user.createDraft();
			sandbox.setFault({ kind: 'truncated', method: 'GET', path: wire.path('/invoices'), times: 1 });
			const first = await trigger.poll();
			sandbox.clearFaults();
			const events = [...eventsOf(first), ...eventsOf(await trigger.poll())];
			expect(events).toEqual([`newInvoice:${id}`]);
		});

		it('after an n8n restart, continues from what n8n saved', async () => {
			const id = await user.createDraft();
			expect(eventsOf(await trigger.poll())).toEqual([`newInvoice:${id}`]);
			await user.send(id);
			trigger.restart();
			expect(eventsOf(await trigger.poll())).toEqual([`invoiceSent:${id}`, `stateChanged:${id}`]);
			trigger.restart();
			expect(eventsOf(await trigger.poll())).toEqual([]);
		});

		it('a changed client filter takes a new baseline instead of reporting everything', async () => {
			const clientId = [...sandbox.store.clients.keys()][1];
			const filtered = watching({ events: ALL_EVENTS, clientId });
			expect(await filtered.activate()).toBeNull();
			expect((filtered.stored().snapshot as { scope: string }).scope).toBe(`client:${clientId}`);
		});
	});

	describe('throttling', () => {
		it('waits out the throttle (503 on v1, 429 on v2) + Retry-After in the middle of a walk and finishes the poll', async () => {
			const trigger = watching({ events: ['newInvoice'] });
			await trigger.activate();
			sandbox.advanceClock(MINUTE);
			const created: string[] = [];
			for (let index = 0; index < 60; index++) created.push(`newInvoice:${await user.createDraft()}`);
			sandbox.setFault({ kind: 'throttle', method: 'GET', path: wire.path('/invoices'), times: 1, retryAfterSeconds: 1 });
			sandbox.clearRequests();
			const started = Date.now();
			expect(eventsOf(await trigger.poll()).sort()).toEqual(created.sort());
			expect(Date.now() - started).toBeGreaterThanOrEqual(900);
			expect(sandbox.requests().some((request) => request.status === wire.throttleStatus)).toBe(true);
		});

		it('works under the sandbox real throttle', async () => {
			sandbox.setThrottle({ limit: 4, windowSeconds: 1 });
			const trigger = watching({ events: ALL_EVENTS });
			expect(await trigger.activate()).toBeNull();
			sandbox.advanceClock(MINUTE);
			const id = await user.createDraft();
			expect(eventsOf(await trigger.poll())).toEqual([`newInvoice:${id}`]);
		}, 60_000);
	});
});
