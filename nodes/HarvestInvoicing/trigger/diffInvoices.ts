import type { IDataObject } from 'n8n-workflow';

import { nextCursor } from './cursor';
import { candidatesDueBy, dueGroups } from './overdue';
import { newPayments } from './payments';
import type { InvoiceView } from '../transport/invoiceView';
import { dayOfEpochSeconds, invoiceState, paidCents, recordId, secondsOf, updatedAtOf } from './records';
import { boundSnapshot } from './snapshot';
import { EVENTS_AFTER_PAYMENTS, transitionEvents } from './transitions';
import type {
	BaselineWalk,
	DiffResult,
	InvoiceEntry,
	InvoiceEvent,
	InvoiceState,
	PollFetch,
	Snapshot,
	TriggerEvent,
	WatchOptions,
} from './types';

/** How a listed invoice relates to the snapshot. */
type ChangeKind =
	/** Tracked, and something about it moved. */
	| 'changed'
	/** Not tracked and created since the watch started. */
	| 'new'
	/** Not tracked but older than the watch (baseline, forgotten, moved in from another client): taken in silently. */
	| 'adopted';

export interface Change {
	id: number;
	kind: ChangeKind;
	invoice: InvoiceView;
	previous?: InvoiceEntry;
	entry: InvoiceEntry;
}

const isUnpaidSent = (state: InvoiceState) => state === 'open' || state === 'partial';

/** The newest copy of each listed invoice: pages that shift during a walk repeat records. */
function latestById(invoices: readonly InvoiceView[]): Map<number, InvoiceView> {
	const latest = new Map<number, InvoiceView>();
	for (const invoice of invoices) {
		const id = recordId(invoice);
		const seen = latest.get(id);
		if (!seen || updatedAtOf(invoice) >= updatedAtOf(seen)) latest.set(id, invoice);
	}
	return latest;
}

/** What the snapshot should remember of an invoice as listed now (payments are settled later). */
function entryFor(invoice: InvoiceView, previous: InvoiceEntry | undefined): InvoiceEntry {
	const state = invoiceState(invoice);
	const updatedAt = updatedAtOf(invoice);
	const paid = paidCents(invoice);
	const entry: InvoiceEntry = {
		state,
		updatedAt,
		paidCents: paid,
		// Nothing paid means no payments; otherwise unknown until listed.
		payments: paid === 0 ? [] : null,
		overdue: false,
	};
	if (isUnpaidSent(state)) {
		entry.issuedDay = invoice.issuedDay ?? undefined;
		entry.dueDay = invoice.dueDay ?? undefined;
		// Still the same late episode, unless the due date was moved to a day that had not come yet
		// when the change was made: then it may fall due again, and that is news.
		const postponed =
			previous?.dueDay !== undefined &&
			entry.dueDay !== undefined &&
			entry.dueDay !== previous.dueDay &&
			entry.dueDay >= dayOfEpochSeconds(updatedAt);
		entry.overdue = previous !== undefined && previous.overdue && isUnpaidSent(previous.state) && !postponed;
	}
	return entry;
}

/**
 * The next snapshot's own invoice map, copied from the previous one on the first write. Until
 * then both share one map, so a poll that changes nothing costs nothing per tracked invoice (and
 * the due-date index cached for that map stays valid, see overdue.ts).
 */
function ownInvoices(next: Snapshot, previous: Snapshot): Map<number, InvoiceEntry> {
	if (next.invoices === previous.invoices) next.invoices = new Map(previous.invoices);
	return next.invoices;
}

/**
 * Applies one listing to the snapshot: which invoices are new, changed or taken in silently, and
 * what the snapshot remembers of them now. Records that match the snapshot (the overlap at the
 * cursor, repeats) or are older than it fall away here, which is what keeps events single.
 */
export function trackChanges(previous: Snapshot, invoices: readonly InvoiceView[]): { changes: Change[]; next: Snapshot } {
	// The map is shared until something changes (see ownInvoices): a quiet poll copies nothing.
	const next: Snapshot = { ...previous };
	const changes: Change[] = [];
	for (const [id, invoice] of latestById(invoices)) {
		const known = previous.invoices.get(id);
		const updatedAt = updatedAtOf(invoice);
		let kind: ChangeKind;
		if (known) {
			if (updatedAt < known.updatedAt) continue;
			// The dates count too: Harvest's updated_at is to the second, so an invoice re-dated in the
			// second a poll read it is listed again with the same updated_at, and only its dates tell.
			const same =
				updatedAt === known.updatedAt &&
				invoiceState(invoice) === known.state &&
				paidCents(invoice) === known.paidCents &&
				(known.dueDay === undefined ||
					((invoice.dueDay ?? undefined) === known.dueDay && (invoice.issuedDay ?? undefined) === known.issuedDay));
			if (same) continue;
			kind = 'changed';
		} else {
			const created = secondsOf(invoice.createdAtMs) ?? updatedAt;
			kind = created >= previous.since ? 'new' : 'adopted';
		}
		const entry = entryFor(invoice, known);
		if (known && entry.paidCents === known.paidCents && updatedAt === known.updatedAt) entry.payments = known.payments;
		ownInvoices(next, previous).set(id, entry);
		changes.push({ id, kind, invoice, previous: known, entry });
	}
	changes.sort((a, b) => a.entry.updatedAt - b.entry.updatedAt || a.id - b.id);
	return { changes, next };
}

/** The snapshot a first poll starts from: nothing tracked, nothing counts as new. */
export function emptySnapshot(scope: string): Snapshot {
	return { scope, since: Number.POSITIVE_INFINITY, cursor: 0, overdueTracked: false, invoices: new Map() };
}

function wants(options: WatchOptions, event: TriggerEvent, state: InvoiceState): boolean {
	if (!options.events.includes(event)) return false;
	if (event !== 'stateChanged' || !options.stateChangedTo?.length) return true;
	return options.stateChangedTo.includes(state);
}

/**
 * The pure heart of the trigger: (previous snapshot, what one poll read) -> (events, next
 * snapshot). It performs no I/O; when it needs payment lists it has not been given, it says so in
 * `needsPayments` and is called again with them.
 */
export function diffInvoices(previous: Snapshot, fetched: PollFetch, options: WatchOptions): DiffResult {
	const { changes, next } = trackChanges(previous, fetched.invoices);
	// Invoices the overdue search found gone (deleted: Harvest's lists never say so) are forgotten,
	// or one of them, probed first, would keep every later candidate from being found late.
	for (const id of fetched.overdue?.gone ?? []) if (next.invoices.has(id)) ownInvoices(next, previous).delete(id);
	const watchPayments = options.events.includes('paymentRecorded');
	const watchOverdue = options.events.includes('overdue');
	const lists = fetched.payments ?? new Map<number, IDataObject[]>();
	const needsPayments = new Set<number>();
	const perInvoice = new Map<number, InvoiceEvent[]>();
	const adopted = new Set<number>();

	for (const change of changes) {
		const { id, kind, invoice, entry } = change;
		if (kind === 'adopted') {
			adopted.add(id);
			continue;
		}
		const listed = lists.get(id);
		if (entry.paidCents > 0 && listed) entry.payments = listed.map(recordId);
		const previousState = kind === 'new' ? null : (change.previous as InvoiceEntry).state;
		const events: InvoiceEvent[] = [];
		const push = (event: TriggerEvent, extra: Partial<InvoiceEvent> = {}) => {
			if (wants(options, event, entry.state)) events.push({ event, previousState, invoice, ...extra });
		};
		if (kind === 'new') push('newInvoice');
		const transitions = transitionEvents(kind === 'new' ? null : previousState, entry.state, change.previous?.paidCents ?? 0);
		for (const event of transitions) if (!EVENTS_AFTER_PAYMENTS.has(event)) push(event);
		if (watchPayments && entry.paidCents > 0) {
			if (!listed) {
				needsPayments.add(id);
			} else {
				const before = change.previous;
				const fresh =
					kind === 'new'
						? newPayments(listed, [], 0, 0)
						: newPayments(listed, before?.payments ?? null, before?.updatedAt ?? 0, before?.paidCents ?? 0);
				for (const payment of fresh) push('paymentRecorded', { payment });
			}
		}
		for (const event of transitions) if (EVENTS_AFTER_PAYMENTS.has(event)) push(event);
		if (events.length > 0) perInvoice.set(id, events);
	}

	const overdueEvents: InvoiceEvent[] = [];
	let flagsMoved = 0;
	if (!watchOverdue) {
		// Flags would go stale while nobody looks; when overdue is watched again they are rebuilt silently.
		// Untracked flags are all clear already (cleared here, or on decoding), so only the first such poll looks.
		if (previous.overdueTracked) {
			for (const [id, entry] of next.invoices) {
				if (!entry.overdue) continue;
				ownInvoices(next, previous).set(id, { ...entry, overdue: false });
				flagsMoved++;
			}
		}
		next.overdueTracked = false;
	} else if (fetched.overdue) {
		const { pastDueThrough, records } = fetched.overdue;
		const listedNow = new Map(records.map((invoice) => [recordId(invoice), invoice]));
		const changedInvoices = new Map(changes.map((change) => [change.id, change.invoice]));
		// Only the candidates due by then, from the due-date index: not a walk over every invoice.
		for (const { id } of pastDueThrough === null ? [] : candidatesDueBy(dueGroups(next.invoices, next.invoices === previous.invoices), pastDueThrough)) {
			const entry = next.invoices.get(id) as InvoiceEntry;
			if (!previous.overdueTracked || adopted.has(id)) {
				ownInvoices(next, previous).set(id, { ...entry, overdue: true });
				flagsMoved++;
				continue;
			}
			const pastDue = listedNow.get(id);
			// Not in the past-due list after all (paid or closed since): the next poll will know.
			if (!pastDue || !isUnpaidSent(invoiceState(pastDue))) continue;
			ownInvoices(next, previous).set(id, { ...entry, overdue: true });
			flagsMoved++;
			const changed = changedInvoices.get(id);
			const invoice = changed && updatedAtOf(changed) > updatedAtOf(pastDue) ? changed : pastDue;
			overdueEvents.push({ event: 'overdue', previousState: previous.invoices.get(id)?.state ?? null, invoice });
		}
		next.overdueTracked = true;
	}

	const events: InvoiceEvent[] = [];
	// One push per event: spreading a list as long as the account's invoices can overflow the call stack.
	for (const change of changes) for (const event of perInvoice.get(change.id) ?? []) events.push(event);
	overdueEvents.sort((a, b) => recordId(a.invoice) - recordId(b.invoice));
	for (const event of overdueEvents) events.push(event);

	if (options.includePayments) {
		for (const event of events) {
			const id = recordId(event.invoice);
			if (paidCents(event.invoice) === 0) event.payments = [];
			else if (lists.has(id)) event.payments = lists.get(id);
			else needsPayments.add(id);
		}
	}

	next.cursor = nextCursor(previous.cursor, fetched.invoices, fetched.walkSeconds);
	const sorted = [...needsPayments].sort((a, b) => a - b);
	// A quiet poll changes nothing: the previous snapshot is the next one (the same object), so the
	// trigger need not write, and n8n need not store, the state again.
	const quiet =
		changes.length === 0 &&
		flagsMoved === 0 &&
		events.length === 0 &&
		next.cursor === previous.cursor &&
		next.overdueTracked === previous.overdueTracked;
	return { events, next: quiet ? previous : boundSnapshot(next), needsPayments: sorted };
}

/**
 * The first poll: everything listed is taken in without events, and the watch starts at the
 * cursor (invoices created from then on are new). A baseline read over several polls (see
 * baselineWalk.ts) adds each part to the `partial` snapshot; an `unfinished` one says how far it got.
 */
export function baselineSnapshot(
	scope: string,
	fetched: PollFetch,
	options: WatchOptions,
	partial: Snapshot | null = null,
	unfinished?: BaselineWalk,
): Snapshot {
	const base: Snapshot = { ...(partial ?? emptySnapshot(scope)), since: Number.POSITIVE_INFINITY, baselineWalk: undefined };
	const { next } = diffInvoices(base, { ...fetched, payments: undefined }, options);
	return { ...next, since: next.cursor, ...(unfinished ? { baselineWalk: unfinished } : {}) };
}
