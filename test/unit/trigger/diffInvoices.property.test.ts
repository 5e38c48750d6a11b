import { v1InvoiceView } from '../../../nodes/HarvestInvoicing/transport/v1/invoiceView';
import { updatedSinceMs } from '../../../nodes/HarvestInvoicing/trigger/cursor';
import { baselineSnapshot, diffInvoices } from '../../../nodes/HarvestInvoicing/trigger/diffInvoices';
import { decodeSnapshot, encodeSnapshot } from '../../../nodes/HarvestInvoicing/trigger/snapshot';
import type { InvoiceState, Snapshot, TriggerEvent, WatchOptions } from '../../../nodes/HarvestInvoicing/trigger/types';
import { INVOICE_STATES, TRIGGER_EVENTS } from '../../../nodes/HarvestInvoicing/trigger/types';
import { ALL_EVENTS, Prng } from './fixtures';
import { HistoryModel, eventKey, type EventKey } from './historyModel';

/**
 * Random histories of invoice changes, cut into polls at random points, must come out of the
 * trigger as exactly the history's events: none missing, none twice. Polls fail at random (their
 * result is thrown away, as when a request fails midway), n8n restarts at random (the snapshot is
 * reloaded from what n8n would have saved), listings repeat records, carry stale copies and
 * arrive in any order, and many changes share a second or a minute.
 *
 * Between two polls that succeed an invoice changes at most once: two changes of one invoice
 * between polls are seen as one (any poller's limit), so the history could not be told apart.
 */
interface Scenario {
	seed: number;
	watch: WatchOptions;
	actions: number;
	failureRate: number;
	restartRate: number;
	/** n8n saves static data only when a poll starts an execution (and at activation). */
	saveOnlyOnEmit: boolean;
	/** Chance that invoices change while a poll reads its pages (the pages read after the change show it). */
	midWalkRate?: number;
}

interface Outcome {
	emitted: Map<number, EventKey[]>;
	expected: Map<number, EventKey[]>;
	polls: number;
}

function wanted(watch: WatchOptions, event: TriggerEvent, key: EventKey): boolean {
	if (!watch.events.includes(event)) return false;
	if (event !== 'stateChanged' || !watch.stateChangedTo?.length) return true;
	const target = key.split('>')[1] as InvoiceState;
	return watch.stateChangedTo.includes(target);
}

const roundTrip = (snapshot: Snapshot) => JSON.stringify(encodeSnapshot(snapshot));

function run(scenario: Scenario): Outcome {
	const random = new Prng(scenario.seed);
	const model = new HistoryModel(random);
	model.seed(40);
	let snapshot = baselineSnapshot('all', { invoices: model.listAll().map(v1InvoiceView) }, scenario.watch);
	let saved = roundTrip(snapshot);
	const emitted = new Map<number, EventKey[]>();
	const touched = new Set<number>();
	let done = 0;
	let polls = 0;

	const poll = (changesDuringWalk = true): boolean => {
		polls++;
		if (random.chance(scenario.failureRate)) return false;
		const listing = model.listUpdatedSince(updatedSinceMs(snapshot.cursor)).map(v1InvoiceView);
		const changedDuringWalk: number[] = [];
		const walkStart = model.clock;
		if (changesDuringWalk && random.chance(scenario.midWalkRate ?? 0)) {
			for (let count = random.int(1, 3); count > 0; count--) {
				const id = model.act(touched);
				if (id === null) continue;
				touched.add(id);
				changedDuringWalk.push(id);
				if (random.chance(0.5)) listing.push(v1InvoiceView(model.current(id)));
			}
		}
		// The walk lasted at least until the last change it saw (the trigger measures it on its own clock).
		const fetched = { invoices: listing, walkSeconds: model.clock - walkStart + random.pick([0, 0.3, 4]) };
		let result = diffInvoices(snapshot, fetched, scenario.watch);
		if (result.needsPayments.length > 0) {
			// A failure while reading payments loses the whole poll, like any other.
			if (random.chance(scenario.failureRate)) return false;
			const payments = new Map(result.needsPayments.map((id) => [id, model.paymentsOf(id)]));
			result = diffInvoices(snapshot, { ...fetched, payments }, scenario.watch);
			expect(result.needsPayments).toEqual([]);
		}
		for (const event of result.events) {
			const id = Number(event.invoice.id);
			const detail =
				event.event === 'paymentRecorded'
					? String(event.payment?.id)
					: event.event === 'stateChanged'
						? `${event.previousState}>${String(event.invoice.state)}`
						: '';
			emitted.set(id, [...(emitted.get(id) ?? []), eventKey(event.event, id, detail)]);
		}
		snapshot = decodeSnapshot(JSON.parse(roundTrip(result.next)));
		if (!scenario.saveOnlyOnEmit || result.events.length > 0) saved = roundTrip(snapshot);
		touched.clear();
		// Changed during this walk: this poll may not have seen it, so it must not change again before the next one.
		for (const id of changedDuringWalk) touched.add(id);
		if (random.chance(scenario.restartRate)) snapshot = decodeSnapshot(JSON.parse(saved));
		return true;
	};

	while (done < scenario.actions) {
		const windowSize = random.pick([0, 1, 1, 2, 3, 5, 8, 20, 60]);
		for (let index = 0; index < windowSize && done < scenario.actions; index++) {
			const id = model.act(touched);
			if (id !== null) touched.add(id);
			done++;
		}
		poll();
	}
	while (!poll(false)) {
		// the last changes are picked up by the first poll that succeeds
	}

	const expected = new Map<number, EventKey[]>();
	for (const [id, events] of model.history) {
		const keys = events.filter(({ event, key }) => wanted(scenario.watch, event, key)).map(({ key }) => key);
		if (keys.length > 0) expected.set(id, keys);
	}
	return { emitted, expected, polls };
}

const sorted = (map: Map<number, EventKey[]>) => [...map].sort(([a], [b]) => a - b);

describe('diffInvoices on random histories (seeded, reproducible)', () => {
	const seeds = Array.from({ length: 40 }, (_, index) => 7_919 * (index + 1));

	it.each(seeds)('seed %i: every event exactly once, with failing polls and restarts', (seed) => {
		const outcome = run({ seed, watch: { events: ALL_EVENTS }, actions: 300, failureRate: 0.2, restartRate: 0.15, saveOnlyOnEmit: false });
		expect(sorted(outcome.emitted)).toEqual(sorted(outcome.expected));
	});

	it.each(seeds.slice(0, 20))('seed %i: exact as well when invoices change while a poll reads its pages', (seed) => {
		const outcome = run({ seed, watch: { events: ALL_EVENTS, includePayments: true }, actions: 300, failureRate: 0.2, restartRate: 0.1, saveOnlyOnEmit: false, midWalkRate: 0.4 });
		expect(sorted(outcome.emitted)).toEqual(sorted(outcome.expected));
	});

	it.each(seeds.slice(0, 20))('seed %i: exact as well when n8n saves the state only with an execution', (seed) => {
		const outcome = run({ seed, watch: { events: ALL_EVENTS }, actions: 300, failureRate: 0.2, restartRate: 0.2, saveOnlyOnEmit: true });
		expect(sorted(outcome.emitted)).toEqual(sorted(outcome.expected));
	});

	it.each(seeds.slice(0, 20))('seed %i: a random choice of events gives exactly those', (seed) => {
		const random = new Prng(seed + 1);
		const events = TRIGGER_EVENTS.filter(() => random.chance(0.4));
		const stateChangedTo = INVOICE_STATES.filter(() => random.chance(0.3));
		const watch: WatchOptions = { events, stateChangedTo, includePayments: random.chance(0.5) };
		const outcome = run({ seed, watch, actions: 300, failureRate: 0.2, restartRate: 0, saveOnlyOnEmit: false });
		expect(sorted(outcome.emitted)).toEqual(sorted(outcome.expected));
	});

	it.each(seeds.slice(0, 10))('seed %i: with some events and n8n restarts, nothing is ever emitted twice', (seed) => {
		const random = new Prng(seed + 2);
		const events = TRIGGER_EVENTS.filter(() => random.chance(0.4));
		const outcome = run({ seed, watch: { events }, actions: 300, failureRate: 0.2, restartRate: 0.3, saveOnlyOnEmit: true });
		for (const [id, keys] of outcome.emitted) {
			const truth = outcome.expected.get(id) ?? [];
			for (const event of TRIGGER_EVENTS) {
				const count = (list: EventKey[]) => list.filter((key) => key.startsWith(`${event}:`)).length;
				expect(count(keys)).toBeLessThanOrEqual(count(truth));
			}
		}
	});

	it('is the same run for the same seed', () => {
		const scenario: Scenario = { seed: 42, watch: { events: ALL_EVENTS }, actions: 200, failureRate: 0.2, restartRate: 0.1, saveOnlyOnEmit: false };
		expect(sorted(run(scenario).emitted)).toEqual(sorted(run(scenario).emitted));
	});
});
