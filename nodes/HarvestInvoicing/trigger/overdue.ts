import type { InvoiceWatchFilters } from '../transport/invoiceWatchQuery';
import type { InvoiceEntry } from './types';

/**
 * Overdue is the one change that touches no `updated_at`: time passes and Harvest starts listing
 * the invoice as past due. Reading that whole list every poll would scan every late
 * invoice of the account, so the trigger asks a narrower question. Harvest calls an open or
 * partial invoice past due when its due date is before today, the same "today" for all, so if the
 * candidate due first is not past due, none is. The search below probes one candidate (a list
 * filtered to its issue day) and, only when that one is late, the next due dates (galloping,
 * then bisecting). A quiet poll costs one small request.
 */

/** Open or partial invoices not yet reported overdue that share a due date. */
export interface DueGroup {
	dueDay: number;
	/** The invoices of the group; the first one is probed. */
	members: Array<{ id: number; issuedDay: number }>;
}

export function isCandidate(entry: InvoiceEntry): boolean {
	return (
		(entry.state === 'open' || entry.state === 'partial') &&
		!entry.overdue &&
		entry.dueDay !== undefined &&
		entry.issuedDay !== undefined
	);
}

function groupByDueDay(invoices: ReadonlyMap<number, InvoiceEntry>): DueGroup[] {
	const groups = new Map<number, DueGroup>();
	for (const [id, entry] of invoices) {
		if (!isCandidate(entry)) continue;
		const dueDay = entry.dueDay as number;
		const group = groups.get(dueDay) ?? { dueDay, members: [] };
		group.members.push({ id, issuedDay: entry.issuedDay as number });
		groups.set(dueDay, group);
	}
	const sorted = [...groups.values()].sort((a, b) => a.dueDay - b.dueDay);
	for (const group of sorted) group.members.sort((a, b) => b.issuedDay - a.issuedDay || a.id - b.id);
	return sorted;
}

/** Due groups of the maps no one writes to any more (a stored snapshot's), kept while the map lives. */
const groupsOfStoredMaps = new WeakMap<ReadonlyMap<number, InvoiceEntry>, readonly DueGroup[]>();

/**
 * The candidates grouped by due date, earliest first. Grouping sorts every open invoice, so for
 * the map of the previous snapshot (`stored`: never written again, a poll copies it before its first
 * change) the groups are kept: a quiet poll then reuses them instead of sorting again.
 */
export function dueGroups(invoices: ReadonlyMap<number, InvoiceEntry>, stored: boolean): readonly DueGroup[] {
	if (!stored) return groupByDueDay(invoices);
	let groups = groupsOfStoredMaps.get(invoices);
	if (!groups) {
		groups = groupByDueDay(invoices);
		groupsOfStoredMaps.set(invoices, groups);
	}
	return groups;
}

/** The groups without the invoices given (found gone), empty groups dropped. */
export function withoutMembers(groups: readonly DueGroup[], ids: ReadonlySet<number>): DueGroup[] {
	const kept: DueGroup[] = [];
	for (const group of groups) {
		const members = group.members.filter((member) => !ids.has(member.id));
		if (members.length > 0) kept.push({ dueDay: group.dueDay, members });
	}
	return kept;
}

/**
 * Whether a probe missing from the past-due list must be looked for at all: due two days or more
 * before Harvest's today (UTC, from its answers) it is past due in any time zone, so if it is not
 * listed as past due it was paid, closed or deleted. Paid or closed shows in the changes listing;
 * deleted shows nowhere, and a deleted candidate probed first would hide every later one.
 */
export function mustBeListedPastDue(dueDay: number, harvestDay: number): boolean {
	return dueDay <= harvestDay - 2;
}

/** The candidates due on or before `day`. */
export function candidatesDueBy(groups: readonly DueGroup[], day: number): Array<{ id: number; issuedDay: number }> {
	const due: Array<{ id: number; issuedDay: number }> = [];
	for (const group of groups) {
		if (group.dueDay > day) break;
		for (const member of group.members) due.push(member);
	}
	return due;
}

/**
 * The last index for which `isPastDue` holds, given that it holds for a prefix of 0..count-1;
 * -1 when it does not hold for the first. Probes 0, then 1, 3, 7, ... and bisects the last gap.
 */
export async function findLastPastDue(count: number, isPastDue: (index: number) => Promise<boolean>): Promise<number> {
	if (count === 0 || !(await isPastDue(0))) return -1;
	let late = 0;
	let notLate = count;
	for (let step = 1; late + step < notLate; step *= 2) {
		if (await isPastDue(late + step)) {
			late += step;
		} else {
			notLate = late + step;
			break;
		}
	}
	while (notLate - late > 1) {
		const middle = Math.floor((late + notLate) / 2);
		if (await isPastDue(middle)) late = middle;
		else notLate = middle;
	}
	return late;
}

/** The issue-date filter covering the given invoices. */
export function issuedWindow(
	members: ReadonlyArray<{ issuedDay: number }>,
): Required<Pick<InvoiceWatchFilters, 'issuedFromDay' | 'issuedToDay'>> {
	let first = Infinity;
	let last = -Infinity;
	for (const { issuedDay } of members) {
		first = Math.min(first, issuedDay);
		last = Math.max(last, issuedDay);
	}
	return { issuedFromDay: first, issuedToDay: last };
}
