import { decodeSnapshot } from '../../../nodes/HarvestInvoicing/trigger/snapshot';
import { startSandbox, type Sandbox } from '../../sandbox';
import { ALL_EVENTS } from '../../unit/trigger/fixtures';
import { ActiveTrigger, DAY, MINUTE, eventsOf, harvestUser, triggerRequests, type HarvestUser } from './triggerHarness';
import { WIRES } from './wires';

/**
 * Scripted histories against the sandbox, polled through n8n-core's PollContext: each produces
 * exactly the expected events, and the poll after it produces none.
 */
describe.each(WIRES.map((wire) => [wire.name, wire] as const))('Harvest Invoicing Trigger: scripted histories (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let user: HarvestUser;
	let trigger: ActiveTrigger;

	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 60 });
		user = harvestUser(sandbox);
	});
	afterAll(async () => await sandbox.stop());

	beforeEach(async () => {
		sandbox.reset({ throttle: false, invoices: 60 });
		trigger = new ActiveTrigger(sandbox, { events: ALL_EVENTS, wire });
		expect(await trigger.activate()).toBeNull();
		sandbox.advanceClock(2 * MINUTE);
	});

	/** Polls once and checks the next poll is quiet. */
	async function poll(): Promise<string[]> {
		const events = eventsOf(await trigger.poll());
		expect(eventsOf(await trigger.poll())).toEqual([]);
		return events;
	}

	it('the first activation records a baseline and emits nothing, even with 60 invoices in every state', async () => {
		// Every invoice is tracked (old ones in the aged lists of the stored state).
		expect(decodeSnapshot(trigger.stored().snapshot).invoices.size).toBe(60);
		expect(await poll()).toEqual([]);
	});

	it('new invoice, then sent', async () => {
		const id = await user.createDraft();
		expect(await poll()).toEqual([`newInvoice:${id}`]);
		await user.send(id);
		expect(await poll()).toEqual([`invoiceSent:${id}`, `stateChanged:${id}`]);
	});

	it('partial payment, full payment, payment deleted', async () => {
		const id = await user.createDraft();
		await user.send(id);
		await poll();
		const first = await user.pay(id, 400);
		expect(await poll()).toEqual([`paymentRecorded:${id}:${first}`, `partiallyPaid:${id}`, `stateChanged:${id}`]);
		const second = await user.pay(id, 600);
		expect(await poll()).toEqual([`paymentRecorded:${id}:${second}`, `paid:${id}`, `stateChanged:${id}`]);
		await user.deletePayment(id, second);
		expect(await poll()).toEqual([`stateChanged:${id}`]);
		const third = await user.pay(id, 100);
		expect(await poll()).toEqual([`paymentRecorded:${id}:${third}`]);
	});

	it('payments on a draft (Harvest takes them): Payment Recorded while it stays a draft, then Paid; deleting them is only a state change', async () => {
		const id = await user.createDraft();
		await poll();
		const first = await user.pay(id, 400);
		const [partly] = (await trigger.poll()) ?? [[]];
		expect(partly.map(({ json }) => [json.event, json.previous_state, json.state, json.due_amount])).toEqual([
			['paymentRecorded', 'draft', 'draft', 600],
		]);
		expect(partly[0].json.payment).toMatchObject({ id: first, amount: 400 });
		expect(await poll()).toEqual([]);
		const second = await user.pay(id, 600);
		const [paid] = (await trigger.poll()) ?? [[]];
		expect(paid.map(({ json }) => [json.event, json.previous_state, json.state])).toEqual([
			['paymentRecorded', 'draft', 'paid'],
			['paid', 'draft', 'paid'],
			['stateChanged', 'draft', 'paid'],
		]);
		expect(paid[0].json.payment).toMatchObject({ id: second, amount: 600 });
		await user.deletePayment(id, second);
		await user.deletePayment(id, first);
		expect(sandbox.store.invoices.get(id)?.state).toBe('draft');
		expect(await poll()).toEqual([`stateChanged:${id}`]);
	});

	it('a partly paid draft that is sent is Invoice Sent, not Partially Paid again', async () => {
		const id = await user.createDraft();
		await poll();
		const first = await user.pay(id, 250);
		expect(await poll()).toEqual([`paymentRecorded:${id}:${first}`]);
		await user.send(id);
		expect(await poll()).toEqual([`invoiceSent:${id}`, `stateChanged:${id}`]);
		expect(sandbox.store.invoices.get(id)?.state).toBe('partial');
	});

	it('write-off, re-open, back to draft', async () => {
		const id = await user.createDraft();
		await user.send(id);
		await poll();
		await user.close(id);
		expect(await poll()).toEqual([`writtenOff:${id}`, `stateChanged:${id}`]);
		await user.reopen(id);
		expect(await poll()).toEqual([`reopened:${id}`, `stateChanged:${id}`]);
		await user.toDraft(id);
		expect(await poll()).toEqual([`backToDraft:${id}`, `stateChanged:${id}`]);
	});

	it('carries previous_state, state and the payment on the item', async () => {
		const id = await user.createDraft();
		await user.send(id);
		await poll();
		const paymentId = await user.pay(id, 250);
		const [items] = (await trigger.poll()) ?? [[]];
		expect(items.map(({ json }) => [json.event, json.previous_state, json.state])).toEqual([
			['paymentRecorded', 'open', 'partial'],
			['partiallyPaid', 'open', 'partial'],
			['stateChanged', 'open', 'partial'],
		]);
		expect(items[0].json).toMatchObject({ id, amount: 1000, due_amount: 750, payment: { id: paymentId, amount: 250, ...wire.paymentOf(id) } });
	});

	it('a change in the same minute as the cursor, and another in the same second', async () => {
		const id = await user.createDraft();
		expect(await poll()).toEqual([`newInvoice:${id}`]);
		// The sandbox clock stands still: these happen in the cursor's very second.
		await user.send(id);
		expect(eventsOf(await trigger.poll())).toEqual([`invoiceSent:${id}`, `stateChanged:${id}`]);
		const paymentId = await user.pay(id, 1000);
		expect(await poll()).toEqual([`paymentRecorded:${id}:${paymentId}`, `paid:${id}`, `stateChanged:${id}`]);
		sandbox.advanceClock(30_000);
		await user.deletePayment(id, paymentId);
		expect(await poll()).toEqual([`stateChanged:${id}`]);
	});

	it('many changes across page boundaries', async () => {
		const drafts = [...sandbox.store.invoices.values()].filter((invoice) => invoice.state === 'draft').map((invoice) => invoice.id);
		const created: number[] = [];
		for (let index = 0; index < 120; index++) created.push(await user.createDraft());
		for (const id of drafts) await user.send(id);
		sandbox.clearRequests();
		const events = await poll();
		const listing = triggerRequests(sandbox).filter((path) => path.includes('updated_since'));
		// 120 new + the sent drafts: more than two pages on the first poll on v1; one on v2.
		expect(listing.length).toBeGreaterThanOrEqual(Math.ceil(120 / wire.pageSize));
		expect(events.filter((event) => event.startsWith('newInvoice:')).sort()).toEqual(created.map((id) => `newInvoice:${id}`).sort());
		expect(events.filter((event) => event.startsWith('invoiceSent:')).sort()).toEqual(drafts.map((id) => `invoiceSent:${id}`).sort());
		expect(new Set(events).size).toBe(events.length);
	});

	it('overdue by clock advance: each invoice once, when its due date passes', async () => {
		const today = () => sandbox.now().toISOString().slice(0, 10);
		const lateBy = (day: string) =>
			[...sandbox.store.invoices.values()]
				.filter((invoice) => (invoice.state === 'open' || invoice.state === 'partial') && invoice.dueAt < day)
				.map((invoice) => invoice.id);
		const before = new Set(lateBy(today()));
		sandbox.advanceClock(10 * DAY);
		const expected = lateBy(today()).filter((id) => !before.has(id));
		expect(expected.length).toBeGreaterThan(0);
		const events = await poll();
		expect(events.filter((event) => event.startsWith('overdue:')).sort()).toEqual(expected.map((id) => `overdue:${id}`).sort());
		sandbox.advanceClock(DAY);
		const nextDay = lateBy(today()).filter((id) => !before.has(id) && !expected.includes(id));
		expect((await poll()).sort()).toEqual(nextDay.map((id) => `overdue:${id}`).sort());
	});

	it("overdue the day after its due date, by Harvest's clock: not on the due day, once past midnight", async () => {
		// The sandbox's clock is not the machine's: an invoice falls due by the day Harvest's answers say.
		const id = await user.createDraft({ issued_at: sandbox.now().toISOString().slice(0, 10), due_at_human_format: 'NET 1' });
		await user.send(id);
		expect(await poll()).toEqual([`newInvoice:${id}`, `invoiceSent:${id}`, `stateChanged:${id}`]);
		const mine = (events: string[]) => events.filter((event) => event.endsWith(`:${id}`));
		const toMidnight = DAY - (sandbox.now().getTime() % DAY);
		sandbox.advanceClock(toMidnight + 23 * 60 * MINUTE);
		expect(mine(await poll())).toEqual([]);
		sandbox.advanceClock(2 * 60 * MINUTE);
		expect(mine(await poll())).toEqual([`overdue:${id}`]);
	});

	it('an invoice re-dated in the very second a poll saw it: the new due date counts (overdue now, once)', async () => {
		// Harvest's updated_at counts seconds: a change in the second a poll read the invoice keeps its
		// updated_at, and the next listing shows it again with only the dates changed.
		const day = (daysBack: number) => new Date(sandbox.now().getTime() - daysBack * DAY).toISOString().slice(0, 10);
		const id = await user.createDraft({ issued_at: day(0), due_at_human_format: 'NET 30' });
		await user.send(id);
		expect(eventsOf(await trigger.poll())).toEqual([`newInvoice:${id}`, `invoiceSent:${id}`, `stateChanged:${id}`]);
		// The sandbox clock stands still: the same second. Issued 60 days back, it was due 30 days ago.
		await user.update(id, { issued_at: day(60) });
		expect(await poll()).toEqual([`overdue:${id}`]);
	});

	// Harvest's lists never show a deleted invoice, so the snapshot kept a deleted open invoice as a
	// candidate; once due it was the first one the overdue search probed, missing from the past-due
	// list, and the search concluded nothing was late (issue 10; the random history ran into it). A
	// probe that must be late but is not listed as such is now looked for, and forgotten when gone.
	it('an open invoice deleted before it fell due does not keep later ones from being reported overdue', async () => {
		const today = sandbox.now().toISOString().slice(0, 10);
		// Issued today and due today: the first candidate of the earliest due date, the one the overdue search probes first.
		const gone = await user.createDraft({ issued_at: today, due_at_human_format: 'upon receipt' });
		const late = await user.createDraft({ issued_at: today, due_at_human_format: 'NET 1' });
		for (const id of [gone, late]) await user.send(id);
		await poll();
		await user.deleteInvoice(gone);
		sandbox.advanceClock(3 * DAY);
		expect((await poll()).filter((event) => event.startsWith('overdue:'))).toContain(`overdue:${late}`);
		// Forgotten: the next poll neither looks for it again nor reports anything twice.
		sandbox.clearRequests();
		expect(await poll()).toEqual([]);
		const lookups = sandbox.requests().filter(({ query }) => query.from !== undefined && query.status === undefined && query.state === undefined);
		expect(lookups).toEqual([]);
	});

	it('Only Changes To: only the changes into the chosen states', async () => {
		trigger = new ActiveTrigger(sandbox, { events: ['stateChanged'], stateChangedTo: ['partial', 'closed'], wire });
		await trigger.activate();
		const [partly, closed, sent] = [await user.createDraft(), await user.createDraft(), await user.createDraft()];
		for (const id of [partly, closed, sent]) await user.send(id);
		// Created and sent: changes into draft and open, not chosen.
		expect(await poll()).toEqual([]);
		await user.pay(partly, 400);
		await user.close(closed);
		const [items] = (await trigger.poll()) ?? [[]];
		expect(items.map(({ json }) => [json.id, json.previous_state, json.state]).sort()).toEqual(
			[
				[partly, 'open', 'partial'],
				[closed, 'open', 'closed'],
			].sort(),
		);
		expect(eventsOf(await trigger.poll())).toEqual([]);
		await user.pay(partly, 600);
		await user.reopen(closed);
		expect(await poll()).toEqual([]);
	});

	it('a re-opened invoice past its due date is overdue again, a payment on a late invoice is not', async () => {
		const id = await user.createDraft({ issued_at: '2026-05-01', due_at_human_format: 'NET 10' });
		await user.send(id);
		expect(await poll()).toEqual([`newInvoice:${id}`, `invoiceSent:${id}`, `stateChanged:${id}`, `overdue:${id}`]);
		await user.pay(id, 100);
		expect((await poll()).filter((event) => event.startsWith('overdue'))).toEqual([]);
		await user.close(id);
		await poll();
		await user.reopen(id);
		expect(await poll()).toEqual([`reopened:${id}`, `stateChanged:${id}`, `overdue:${id}`]);
	});

	it('only the chosen events, only the chosen client', async () => {
		const [firstClient, secondClient] = [...sandbox.store.clients.keys()];
		trigger = new ActiveTrigger(sandbox, { events: ['paid'], clientId: secondClient, wire });
		expect(await trigger.activate()).toBeNull();
		const mine = await user.createDraft({ client_id: secondClient });
		const other = await user.createDraft({ client_id: firstClient });
		for (const id of [mine, other]) {
			await user.send(id);
			await user.pay(id, 1000);
		}
		sandbox.clearRequests();
		expect(await poll()).toEqual([`paid:${mine}`]);
		const listings = triggerRequests(sandbox).filter((path) => path.startsWith(wire.path('/invoices?')));
		expect(listings.length).toBeGreaterThan(0);
		expect(listings.every((path) => path.includes(`${wire.clientParam}=${secondClient}`))).toBe(true);
	});

	it('includes the payments of each invoice when asked', async () => {
		trigger = new ActiveTrigger(sandbox, { events: ['paid', 'invoiceSent'], includePayments: true, wire });
		await trigger.activate();
		const id = await user.createDraft();
		await user.send(id);
		const [items] = (await trigger.poll()) ?? [[]];
		expect(items.map(({ json }) => [json.event, json.payments])).toEqual([['invoiceSent', []]]);
		const first = await user.pay(id, 300);
		const second = await user.pay(id, 700);
		const [paid] = (await trigger.poll()) ?? [[]];
		expect(paid.map(({ json }) => (json.payments as Array<{ id: number }>).map((payment) => payment.id))).toEqual([[first, second]]);
	});

	it('reports one poll of several changes in order, with the payment on the item', async () => {
		const id = await user.createDraft();
		await user.send(id);
		const paymentId = await user.pay(id, 1000);
		const [items] = (await trigger.poll()) ?? [[]];
		expect(eventsOf([items])).toEqual([
			`newInvoice:${id}`,
			`invoiceSent:${id}`,
			`paymentRecorded:${id}:${paymentId}`,
			`paid:${id}`,
			`stateChanged:${id}`,
		]);
		expect(items[2].json).toMatchObject({ id, amount: 1000, due_amount: 0, state: 'paid', payment: { id: paymentId, amount: 1000 } });
	});
});
