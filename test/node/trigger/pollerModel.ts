import type { TriggerEvent } from '../../../nodes/HarvestInvoicing/trigger/types';
import type { Sandbox } from '../../sandbox';
import type { ActiveTrigger } from './triggerHarness';

/**
 * The random history's oracle: what one trigger may report, derived from what a poller can see.
 * A poll sees each invoice only as it is when the poll reads it, never the steps in between, so
 * the events a watcher must report are the net transitions between what its polls saw (an invoice
 * closed and re-opened between two polls is no event; one sent, partly paid and paid is sent and
 * paid; a payment recorded and deleted again is nothing). Each is reported exactly once.
 *
 * n8n keeps a trigger's state only when a poll emits something, so after a restart the trigger
 * continues from what it saw at its last emitting poll: the model keeps that too and goes back to it.
 */

/** What a poll reads of an invoice. */
export interface Seen {
	state: string;
	paidCents: number;
	/** Ids of its payments in recording order (ids grow with the sandbox's clock). */
	paymentIds: number[];
	dueAt: string;
	updatedAt: string;
}

export function seenOf(sandbox: Sandbox, id: number): Seen | undefined {
	const invoice = sandbox.store.invoices.get(id);
	if (!invoice) return undefined;
	const payments = sandbox.store.paymentsOf(id);
	return {
		state: invoice.state,
		paidCents: payments.reduce((sum, payment) => sum + Math.round(payment.amount * 100), 0),
		paymentIds: payments.map((payment) => payment.id).sort((a, b) => a - b),
		dueAt: invoice.dueAt,
		updatedAt: invoice.updatedAt,
	};
}

export const sameSeen = (a: Seen | undefined, b: Seen | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

const unpaidSent = (state: string) => state === 'open' || state === 'partial';

/**
 * The events between two sightings of an invoice (`before` undefined: created since the watch
 * began), as the trigger's documentation defines them: state changes are read along Harvest's
 * state machine, payments are the ones listed now that were not listed then.
 */
export function netEvents(id: number, before: Seen | undefined, after: Seen): string[] {
	const events: string[] = [];
	if (!before) events.push(`newInvoice:${id}`);
	const from = before?.state ?? 'draft';
	const to = after.state;
	const paidDraft = from === 'draft' && (before?.paidCents ?? 0) > 0;
	const moved = from !== to;
	// A draft already partly paid that is now paid was paid, not sent.
	if (moved && from === 'draft' && !(paidDraft && to === 'paid')) events.push(`invoiceSent:${id}`);
	if (moved && from === 'closed') events.push(`reopened:${id}`);
	const known = new Set(before?.paymentIds ?? []);
	for (const paymentId of after.paymentIds) if (!known.has(paymentId)) events.push(`paymentRecorded:${id}:${paymentId}`);
	if (moved) {
		if (to === 'partial' && (from === 'open' || (from === 'draft' && !paidDraft))) events.push(`partiallyPaid:${id}`);
		if (to === 'paid') events.push(`paid:${id}`);
		if (to === 'closed') events.push(`writtenOff:${id}`);
		// paid -> draft is payments deleted from a never-sent invoice, not a sent one turned back.
		if (to === 'draft' && from !== 'paid') events.push(`backToDraft:${id}`);
		events.push(`stateChanged:${id}`);
	}
	return events;
}

/**
 * Whether a late episode the watcher reported goes on from one sighting to the next: it ends when
 * the invoice is seen paid, closed or a draft, or with its due date moved to a day that had not
 * come when it was last changed (then it may fall due again, and that is news).
 */
export function episodeGoesOn(before: Seen, after: Seen): boolean {
	if (!unpaidSent(before.state) || !unpaidSent(after.state)) return false;
	return after.dueAt === before.dueAt || after.dueAt < after.updatedAt.slice(0, 10);
}

interface Knowledge {
	seen: Map<number, Seen>;
	/** Invoices whose late episode is reported (or that were late when the watch began). */
	late: Set<number>;
}

const copy = (knowledge: Knowledge): Knowledge => ({ seen: new Map(knowledge.seen), late: new Set(knowledge.late) });

/** What a poll that succeeds will have seen, worked out when it starts (see Watcher.planPoll). */
export interface PollPlan {
	events: Array<[number, string[]]>;
	seen: Array<[number, Seen | undefined]>;
	endedEpisodes: number[];
	newlyLate: number[];
}

/** One trigger, its events as expected and as emitted, and the model of what it knows. */
export class Watcher {
	readonly expected = new Map<number, string[]>();
	readonly emitted = new Map<number, string[]>();
	private knowledge: Knowledge = { seen: new Map(), late: new Set() };
	/** The knowledge as of its last emitting poll: what n8n saved. */
	private saved: Knowledge = copy(this.knowledge);

	constructor(
		readonly trigger: ActiveTrigger,
		private readonly watched: readonly TriggerEvent[],
	) {}

	/** At activation: the baseline sees every invoice, late ones as already late. */
	baseline(sandbox: Sandbox, lateIds: number[]): void {
		for (const id of sandbox.store.invoices.keys()) this.knowledge.seen.set(id, seenOf(sandbox, id) as Seen);
		for (const id of lateIds) this.knowledge.late.add(id);
		this.saved = copy(this.knowledge);
	}

	seen(id: number): Seen | undefined {
		return this.knowledge.seen.get(id);
	}

	isReportedLate(id: number): boolean {
		return this.knowledge.late.has(id);
	}

	private record(id: number, events: string[]): void {
		const kept = events.filter((event) => this.watched.includes(event.split(':')[0] as TriggerEvent));
		if (kept.length > 0) this.expected.set(id, [...(this.expected.get(id) ?? []), ...kept]);
	}

	/**
	 * When a poll starts: the net change of every invoice since the watcher last saw it, and which
	 * late invoices it reports as overdue (late now, episode not reported). Changes made while the
	 * poll walks are not in it: see applyNow.
	 */
	planPoll(sandbox: Sandbox, lateIds: number[]): PollPlan {
		const plan: PollPlan = { events: [], seen: [], endedEpisodes: [], newlyLate: [] };
		const { seen, late } = this.knowledge;
		const ended = new Set<number>();
		for (const id of new Set([...seen.keys(), ...sandbox.store.invoices.keys()])) {
			const before = seen.get(id);
			const after = seenOf(sandbox, id);
			if (sameSeen(before, after)) continue;
			plan.seen.push([id, after]);
			if (after) plan.events.push([id, netEvents(id, before, after)]);
			if (late.has(id) && (!after || !before || !episodeGoesOn(before, after))) ended.add(id);
		}
		plan.endedEpisodes = [...ended];
		plan.newlyLate = lateIds.filter((id) => !late.has(id) || ended.has(id));
		return plan;
	}

	/**
	 * The poll succeeded: it saw what the plan says. `emitted`: n8n saved the trigger's state.
	 * `ambiguous`: some change made during a walk may or may not be in that state yet.
	 */
	commit(plan: PollPlan, emitted: boolean, ambiguous: boolean): void {
		for (const [id, events] of plan.events) this.record(id, events);
		for (const [id, after] of plan.seen) {
			if (after) this.knowledge.seen.set(id, after);
			else this.knowledge.seen.delete(id);
		}
		for (const id of plan.endedEpisodes) this.knowledge.late.delete(id);
		for (const id of plan.newlyLate) {
			this.knowledge.late.add(id);
			this.record(id, [`overdue:${id}`]);
		}
		if (emitted) {
			this.saved = copy(this.knowledge);
			this.savedAmbiguous = ambiguous;
		}
	}

	/** Whether the saved state may hold a change made during a walk in one reading or the other: no restart then. */
	savedAmbiguous = false;

	/**
	 * n8n restarted: the trigger goes on from its saved state, and so does the model. Only while no
	 * change made during a walk is unsettled (see applyNow): its events were expected when made.
	 */
	restart(): void {
		this.knowledge = copy(this.saved);
		this.trigger.restart();
	}

	/**
	 * A change made while a poll walks the pages, to an invoice this watcher had seen as it is
	 * (see settled): that poll or the next sees it, and nothing else changes the invoice until then
	 * (the test freezes it), so its events are the same either way and are expected now.
	 * `lateNow`: the invoice is late after the change.
	 */
	applyNow(id: number, after: Seen | undefined, lateNow: boolean): void {
		const { seen, late } = this.knowledge;
		const before = seen.get(id);
		if (after) this.record(id, netEvents(id, before, after));
		if (after) seen.set(id, after);
		else seen.delete(id);
		if (late.has(id) && (!after || !before || !episodeGoesOn(before, after))) late.delete(id);
		if (lateNow && !late.has(id)) {
			this.record(id, [`overdue:${id}`]);
			late.add(id);
		}
	}

	/**
	 * Whether a change made now, during a walk, has one reading whichever poll sees it: the
	 * watcher saw the invoice as it is (in its saved state too), and it is not late unreported
	 * (whether this very poll's overdue check would see it before or after the change is open).
	 */
	settled(sandbox: Sandbox, id: number, lateNow: boolean): boolean {
		const now = seenOf(sandbox, id);
		if (!sameSeen(this.knowledge.seen.get(id), now) || !sameSeen(this.saved.seen.get(id), now)) return false;
		if (this.knowledge.late.has(id) !== this.saved.late.has(id)) return false;
		return !lateNow || this.knowledge.late.has(id);
	}

	/** An item the trigger emitted. */
	emit(id: number, event: string): void {
		this.emitted.set(id, [...(this.emitted.get(id) ?? []), event]);
	}
}
