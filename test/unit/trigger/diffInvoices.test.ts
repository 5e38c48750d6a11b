import type { IDataObject } from 'n8n-workflow';

import { baselineSnapshot, diffInvoices } from '../../../nodes/HarvestInvoicing/trigger/diffInvoices';
import { dayOfDate as dayNumber, type InvoiceView } from '../../../nodes/HarvestInvoicing/transport/invoiceView';
import type {
	DiffResult,
	OverdueFindings,
	Snapshot,
	TriggerEvent,
	WatchOptions,
} from '../../../nodes/HarvestInvoicing/trigger/types';
import { ALL_EVENTS, T0, invoice, payment } from './fixtures';

const watchAll: WatchOptions = { events: ALL_EVENTS };

/** Runs a diff the way the node does: when payments are asked for, hands over `payments` and diffs again. */
function poll(
	previous: Snapshot,
	invoices: InvoiceView[],
	options: WatchOptions = watchAll,
	payments: Record<number, IDataObject[]> = {},
	overdue?: OverdueFindings,
): DiffResult {
	const fetched = { invoices, overdue: overdue ?? (options.events.includes('overdue') ? { pastDueThrough: null, records: [] } : undefined) };
	const first = diffInvoices(previous, fetched, options);
	if (first.needsPayments.length === 0) return first;
	const lists = new Map(
		first.needsPayments.map((id) => {
			if (!payments[id]) throw new Error(`the test gives no payment list for invoice ${id}`);
			return [id, payments[id]];
		}),
	);
	const second = diffInvoices(previous, { ...fetched, payments: lists }, options);
	expect(second.needsPayments).toEqual([]);
	return second;
}

const names = (result: DiffResult) => result.events.map((event) => `${event.event}:${String(event.invoice.id)}`);

function baseline(invoices: InvoiceView[], options: WatchOptions = watchAll, overdue?: OverdueFindings): Snapshot {
	return baselineSnapshot('all', { invoices, overdue }, options);
}

describe('baseline', () => {
	it('remembers every invoice and starts the watch at the newest updated_at', () => {
		const snapshot = baseline([invoice(1, 'draft', { updated: T0 - 50 }), invoice(2, 'paid', { updated: T0 - 10 })]);
		expect([...snapshot.invoices.keys()]).toEqual([1, 2]);
		expect(snapshot.cursor).toBe(T0 - 10);
		expect(snapshot.since).toBe(T0 - 10);
		expect(snapshot.invoices.get(2)).toMatchObject({ state: 'paid', paidCents: 10_000, payments: null });
		expect(snapshot.invoices.get(1)).toMatchObject({ state: 'draft', paidCents: 0, payments: [] });
	});

	it('emits nothing however the invoices look', () => {
		const previous = baseline([]);
		expect(previous.since).toBe(0);
		const result = poll(previous, [invoice(1, 'paid', { updated: T0 })], watchAll, { 1: [payment(9, 1, 100, T0)] });
		// An empty account: everything after the baseline is new.
		expect(names(result)).toEqual(['newInvoice:1', 'invoiceSent:1', 'paymentRecorded:1', 'paid:1', 'stateChanged:1']);
	});
});

describe('state changes', () => {
	const start = () => baseline([invoice(1, 'draft', { updated: T0 - 100 }), invoice(2, 'open', { updated: T0 - 100 })]);

	it('reports a sent draft once, and nothing for the same record at the boundary again', () => {
		const first = poll(start(), [invoice(1, 'open', { updated: T0 })]);
		expect(names(first)).toEqual(['invoiceSent:1', 'stateChanged:1']);
		expect(first.events[0]).toMatchObject({ previousState: 'draft' });
		const again = poll(first.next, [invoice(1, 'open', { updated: T0 })]);
		expect(again.events).toEqual([]);
	});

	it('sees a change made in the same second as the last one (state differs, updated_at equal)', () => {
		const first = poll(start(), [invoice(1, 'open', { updated: T0 })]);
		const second = poll(first.next, [invoice(1, 'draft', { updated: T0 })]);
		expect(names(second)).toEqual(['backToDraft:1', 'stateChanged:1']);
	});

	it('ignores a copy older than what it already knows', () => {
		const first = poll(start(), [invoice(1, 'open', { updated: T0 })]);
		expect(poll(first.next, [invoice(1, 'draft', { updated: T0 - 100 })]).events).toEqual([]);
	});

	it('takes the newest copy when a shifting page lists an invoice twice', () => {
		const result = poll(start(), [invoice(2, 'closed', { updated: T0 + 5 }), invoice(2, 'open', { updated: T0 - 100 })]);
		expect(names(result)).toEqual(['writtenOff:2', 'stateChanged:2']);
	});

	it('reads skipped steps along the state machine', () => {
		const result = poll(start(), [invoice(1, 'paid', { updated: T0 })], { events: ['invoiceSent', 'paid', 'partiallyPaid'] }, {
			1: [payment(9, 1, 100, T0)],
		});
		expect(names(result)).toEqual(['invoiceSent:1', 'paid:1']);
	});

	it('writes off and re-opens (into partial when paid before)', () => {
		let snapshot = baseline([invoice(3, 'partial', { updated: T0 - 100 })]);
		const closed = poll(snapshot, [invoice(3, 'closed', { updated: T0, paid: 50 })], watchAll, {
			3: [payment(7, 3, 50, T0 - 200)],
		});
		expect(names(closed)).toEqual(['writtenOff:3', 'stateChanged:3']);
		snapshot = closed.next;
		const reopened = poll(snapshot, [invoice(3, 'partial', { updated: T0 + 60 })], watchAll, { 3: [payment(7, 3, 50, T0 - 200)] });
		expect(names(reopened)).toEqual(['reopened:3', 'stateChanged:3']);
	});

	it('treats a deleted payment as a state change only', () => {
		const snapshot = baseline([invoice(4, 'paid', { updated: T0 - 100 })]);
		const result = poll(snapshot, [invoice(4, 'partial', { updated: T0, paid: 40 })], watchAll, {
			4: [payment(8, 4, 40, T0 - 500)],
		});
		expect(names(result)).toEqual(['stateChanged:4']);
		expect(result.next.invoices.get(4)?.payments).toEqual([8]);
	});

	it('filters Any State Change by the chosen target states', () => {
		const options: WatchOptions = { events: ['stateChanged'], stateChangedTo: ['closed'] };
		const snapshot = baseline([invoice(1, 'open', { updated: T0 - 100 }), invoice(2, 'open', { updated: T0 - 100 })]);
		const result = poll(snapshot, [invoice(1, 'closed', { updated: T0 }), invoice(2, 'draft', { updated: T0 })], options);
		expect(names(result)).toEqual(['stateChanged:1']);
	});

	it('emits only the chosen events but still tracks the rest', () => {
		const snapshot = baseline([invoice(1, 'draft', { updated: T0 - 100 })]);
		const sent = poll(snapshot, [invoice(1, 'open', { updated: T0 })], { events: ['paid'] });
		expect(sent.events).toEqual([]);
		expect(sent.next.invoices.get(1)?.state).toBe('open');
	});
});

describe('new invoices', () => {
	it('reports invoices created since the watch started and takes older unknown ones in silently', () => {
		const snapshot = baseline([invoice(1, 'open', { updated: T0 - 100 })]);
		const result = poll(snapshot, [
			invoice(2, 'draft', { updated: T0, created: T0 }),
			// e.g. moved in from another client, or forgotten when the snapshot was bounded
			invoice(3, 'open', { updated: T0, created: T0 - 10_000 }),
		]);
		expect(names(result)).toEqual(['newInvoice:2']);
		expect(result.events[0].previousState).toBeNull();
		expect(result.next.invoices.has(3)).toBe(true);
	});
});

describe('payments', () => {
	const options: WatchOptions = { events: ['paymentRecorded', 'partiallyPaid', 'paid'] };

	it('asks for the payment list of changed invoices with money paid, and only those', () => {
		const snapshot = baseline([invoice(1, 'open', { updated: T0 - 100 }), invoice(2, 'draft', { updated: T0 - 100 })]);
		const first = diffInvoices(
			snapshot,
			{ invoices: [invoice(1, 'partial', { updated: T0, paid: 30 }), invoice(2, 'open', { updated: T0 })] },
			options,
		);
		expect(first.needsPayments).toEqual([1]);
	});

	it('emits each payment once, with its invoice, before the state event it caused', () => {
		const snapshot = baseline([invoice(1, 'open', { updated: T0 - 100 })]);
		const first = poll(snapshot, [invoice(1, 'partial', { updated: T0, paid: 30 })], options, { 1: [payment(11, 1, 30, T0)] });
		expect(names(first)).toEqual(['paymentRecorded:1', 'partiallyPaid:1']);
		expect(first.events[0].payment).toMatchObject({ id: 11, amount: 30 });
		const second = poll(first.next, [invoice(1, 'paid', { updated: T0 + 60 })], options, {
			1: [payment(11, 1, 30, T0), payment(12, 1, 70, T0 + 60)],
		});
		expect(names(second)).toEqual(['paymentRecorded:1', 'paid:1']);
		expect(second.events[0].payment).toMatchObject({ id: 12 });
		expect(second.next.invoices.get(1)?.payments).toEqual([11, 12]);
	});

	it('sees a payment that kept the state (another partial payment)', () => {
		const snapshot = baseline([invoice(1, 'open', { updated: T0 - 100 })]);
		const first = poll(snapshot, [invoice(1, 'partial', { updated: T0, paid: 30 })], options, { 1: [payment(11, 1, 30, T0)] });
		const second = poll(first.next, [invoice(1, 'partial', { updated: T0 + 1, paid: 50 })], options, {
			1: [payment(11, 1, 30, T0), payment(12, 1, 20, T0 + 1)],
		});
		expect(names(second)).toEqual(['paymentRecorded:1']);
	});

	it('does not report payments that existed at the baseline, only later ones', () => {
		const snapshot = baseline([invoice(1, 'partial', { updated: T0 - 100, paid: 30 })]);
		const result = poll(snapshot, [invoice(1, 'partial', { updated: T0, paid: 50 })], options, {
			1: [payment(5, 1, 30, T0 - 100), payment(6, 1, 20, T0)],
		});
		expect(result.events.map((event) => event.payment?.id)).toEqual([6]);
	});

	it('tells apart payments created in the same second as the invoice was last seen, by amount', () => {
		const snapshot = baseline([invoice(1, 'partial', { updated: T0, paid: 30 })]);
		const result = poll(snapshot, [invoice(1, 'paid', { updated: T0 })], options, {
			1: [payment(5, 1, 30, T0), payment(6, 1, 70, T0)],
		});
		expect(result.events.map((event) => event.payment?.id ?? event.event)).toEqual([6, 'paid']);
	});

	it('replaces a deleted payment by a new one of the same amount: one event', () => {
		const snapshot = baseline([invoice(1, 'open', { updated: T0 - 100 })]);
		const first = poll(snapshot, [invoice(1, 'partial', { updated: T0, paid: 30 })], options, { 1: [payment(11, 1, 30, T0)] });
		const second = poll(first.next, [invoice(1, 'partial', { updated: T0 + 5, paid: 30 })], options, { 1: [payment(13, 1, 30, T0 + 5)] });
		expect(second.events.map((event) => event.payment?.id)).toEqual([13]);
	});

	it('includes the payment list when asked, without a request for invoices with nothing paid', () => {
		const snapshot = baseline([invoice(1, 'open', { updated: T0 - 100 }), invoice(2, 'draft', { updated: T0 - 100 })]);
		const withPayments: WatchOptions = { events: ['stateChanged'], includePayments: true };
		const first = diffInvoices(
			snapshot,
			{ invoices: [invoice(1, 'partial', { updated: T0, paid: 30 }), invoice(2, 'open', { updated: T0 })] },
			withPayments,
		);
		expect(first.needsPayments).toEqual([1]);
		const result = poll(
			snapshot,
			[invoice(1, 'partial', { updated: T0, paid: 30 }), invoice(2, 'open', { updated: T0 })],
			withPayments,
			{ 1: [payment(11, 1, 30, T0)] },
		);
		expect(result.events.map((event) => event.payments?.length)).toEqual([1, 0]);
	});
});

describe('overdue', () => {
	const options: WatchOptions = { events: ['overdue'] };
	const due = (date: string) => dayNumber(date) as number;

	it('builds the flags silently on the baseline, then reports a newly late invoice once', () => {
		const late = invoice(1, 'open', { dueAt: '2026-06-10', updated: T0 - 100 });
		const notYet = invoice(2, 'partial', { dueAt: '2026-06-20', updated: T0 - 100 });
		let snapshot = baseline([late, notYet], options, { pastDueThrough: due('2026-06-10'), records: [] });
		expect(snapshot.invoices.get(1)?.overdue).toBe(true);
		expect(snapshot.invoices.get(2)?.overdue).toBe(false);

		const quiet = poll(snapshot, [], options, {}, { pastDueThrough: due('2026-06-10'), records: [] });
		expect(quiet.events).toEqual([]);
		snapshot = quiet.next;

		const result = poll(snapshot, [], options, {}, { pastDueThrough: due('2026-06-20'), records: [notYet] });
		expect(names(result)).toEqual(['overdue:2']);
		expect(result.events[0].previousState).toBe('partial');
		expect(poll(result.next, [], options, {}, { pastDueThrough: due('2026-06-20'), records: [notYet] }).events).toEqual([]);
	});

	it('does not flag an invoice the past-due list did not return (paid meanwhile)', () => {
		const snapshot = baseline([invoice(2, 'open', { dueAt: '2026-06-20' })], options, { pastDueThrough: null, records: [] });
		const result = poll(snapshot, [], options, {}, { pastDueThrough: due('2026-06-20'), records: [] });
		expect(result.events).toEqual([]);
		expect(result.next.invoices.get(2)?.overdue).toBe(false);
	});

	it('reports again after a write-off and re-open, not after a payment', () => {
		const record = invoice(1, 'open', { dueAt: '2026-06-10', updated: T0 - 100 });
		let snapshot = baseline([record], options, { pastDueThrough: due('2026-06-10'), records: [] });
		const paidPart = poll(snapshot, [invoice(1, 'partial', { dueAt: '2026-06-10', updated: T0 })], options, {}, { pastDueThrough: due('2026-06-10'), records: [] });
		expect(paidPart.events).toEqual([]);
		snapshot = poll(paidPart.next, [invoice(1, 'closed', { dueAt: '2026-06-10', updated: T0 + 60 })], options).next;
		const reopened = invoice(1, 'partial', { dueAt: '2026-06-10', updated: T0 + 120 });
		const result = poll(snapshot, [reopened], options, {}, { pastDueThrough: due('2026-06-10'), records: [reopened] });
		expect(names(result)).toEqual(['overdue:1']);
	});

	it('forgets the flag when the due date is moved to a day still to come', () => {
		const record = invoice(1, 'open', { dueAt: '2026-06-10', updated: T0 - 100 });
		const snapshot = baseline([record], options, { pastDueThrough: due('2026-06-10'), records: [] });
		const moved = poll(snapshot, [invoice(1, 'open', { dueAt: '2026-06-30', updated: T0 })], options);
		expect(moved.next.invoices.get(1)?.overdue).toBe(false);
		const movedInThePast = poll(snapshot, [invoice(1, 'open', { dueAt: '2026-06-12', updated: T0 })], options);
		expect(movedInThePast.next.invoices.get(1)?.overdue).toBe(true);
	});

	it('drops the flags while overdue is not watched and rebuilds them silently afterwards', () => {
		const record = invoice(1, 'open', { dueAt: '2026-06-10' });
		const snapshot = baseline([record], options, { pastDueThrough: due('2026-06-10'), records: [] });
		const unwatched = poll(snapshot, [], { events: ['paid'] });
		expect(unwatched.next.overdueTracked).toBe(false);
		expect(unwatched.next.invoices.get(1)?.overdue).toBe(false);
		const rewatched = poll(unwatched.next, [], options, {}, { pastDueThrough: due('2026-06-10'), records: [record] });
		expect(rewatched.events).toEqual([]);
		expect(rewatched.next.invoices.get(1)?.overdue).toBe(true);
	});
});

describe('cursor', () => {
	it('moves to the newest updated_at less the listing time and never back', () => {
		const snapshot = baseline([invoice(1, 'open', { updated: T0 })]);
		const result = diffInvoices(snapshot, { invoices: [invoice(1, 'paid', { updated: T0 + 600 })], walkSeconds: 2.5 }, { events: [] });
		expect(result.next.cursor).toBe(T0 + 597);
		expect(diffInvoices(result.next, { invoices: [invoice(1, 'paid', { updated: T0 + 600 })] }, { events: [] }).next.cursor).toBe(T0 + 600);
		expect(diffInvoices(result.next, { invoices: [] }, { events: [] }).next.cursor).toBe(T0 + 597);
	});
});

describe('events order', () => {
	it('lists changes oldest first', () => {
		const snapshot = baseline([invoice(1, 'draft', { updated: T0 - 100 }), invoice(2, 'draft', { updated: T0 - 100 })]);
		const result = poll(snapshot, [invoice(2, 'open', { updated: T0 + 9 }), invoice(1, 'open', { updated: T0 + 1 })], {
			events: ['invoiceSent'] as TriggerEvent[],
		});
		expect(names(result)).toEqual(['invoiceSent:1', 'invoiceSent:2']);
	});
});

describe('cost of a poll', () => {
	const options: WatchOptions = { events: ['overdue', 'paid'] };
	const pastDue = (day: string): OverdueFindings => ({ pastDueThrough: dayNumber(day), records: [] });

	it('a quiet poll returns the previous snapshot itself: nothing copied, nothing to write', () => {
		const previous = baseline([invoice(1, 'open', { dueAt: '2026-06-10' }), invoice(2, 'paid')], options, pastDue('2026-06-14'));
		const result = poll(previous, [], options, {}, pastDue('2026-06-14'));
		expect(result.events).toEqual([]);
		expect(result.next).toBe(previous);
	});

	it('a busy poll never writes into the previous snapshot (the due-date index of a stored map stays true)', () => {
		const previous = baseline([invoice(1, 'open', { dueAt: '2026-06-10' }), invoice(2, 'open', { dueAt: '2026-06-12' })], options, {
			pastDueThrough: null,
			records: [],
		});
		const before = [...previous.invoices.entries()].map(([id, entry]) => [id, { ...entry }]);
		const late = invoice(1, 'open', { dueAt: '2026-06-10' });
		const result = poll(previous, [invoice(2, 'paid', { updated: T0 })], options, { 2: [payment(9, 2, 100, T0)] }, {
			pastDueThrough: dayNumber('2026-06-11'),
			records: [late],
		});
		expect(names(result)).toEqual(['paid:2', 'overdue:1']);
		expect(result.next.invoices).not.toBe(previous.invoices);
		expect([...previous.invoices.entries()]).toEqual(before);
	});
});
