import type { IDataObject } from 'n8n-workflow';

import type { ListSpelling } from './dialect';
import { V1_LIST } from './v1/listSpelling';

/** Harvest v1 answers 50 records a page; a shorter page is the last one. */
export const PAGE_SIZE = V1_LIST.pageSize;

/** How often a crowded issue date (a full page of invoices) is read before giving up on it settling. */
const MAX_BLOCK_READS = 3;

/** One page as read, with what the answer says of its paging, when it says anything (v2 does, v1 does not). */
export interface ListPage<T> {
	records: T[];
	/** The records a page holds, as the answer says (v2's `per_page`). */
	perPage?: number;
	/** The answer says another page follows (v2's `next_page` or `links.next`). */
	morePages?: boolean;
}

/** Reads one page of the list for the query given (the query includes `page`). */
export type ReadPage<T> = (qs: IDataObject) => Promise<T[] | ListPage<T>>;

/** A page read, and whether the list ends with it. */
interface PageRead<T> {
	items: T[];
	last: boolean;
}

/**
 * A page as the walk reads it, and whether it ends its list. The answer decides that, not the size
 * asked for: v2 takes up to 2000 invoices a page, but an account may answer fewer (older docs give
 * 100 as the default); judged by the size asked, every such page would look short and the list
 * would end at its first page. So a page ends the list only when the answer does not say another
 * follows (`morePages`) and it holds fewer records than the page size it was answered with
 * (`perPage`, never more than was asked). Either sign reads on by itself, so one missing or wrong
 * field costs a request at most, never invoices; when Harvest gives the size asked, lists end
 * exactly where that size ended them (the same requests). v1 answers bare lists: they are judged
 * by the size asked (50).
 */
export function asPageRead<T>(answer: T[] | ListPage<T>, askedSize: number): PageRead<T> {
	if (Array.isArray(answer)) return { items: answer, last: answer.length < askedSize };
	const { records, perPage, morePages } = answer;
	const answeredSize = perPage !== undefined && Number.isSafeInteger(perPage) && perPage > 0 ? Math.min(perPage, askedSize) : askedSize;
	return { items: records, last: morePages !== true && records.length < answeredSize };
}

export interface WalkOptions {
	/** Stop once this many distinct invoices are in hand (Get Many's Limit). */
	limit?: number;
	/** Stop early once the invoices read so far are enough for the caller. */
	enough?: (records: IDataObject[]) => boolean;
	/** The error to throw when a crowded issue date never settles (default: UnsettledListError). */
	unsettled?: (message: string) => Error;
	/** Page size and issue date of the API's records (default: v1's). */
	spelling?: ListSpelling;
	/** Records the caller wants of those listed (the rest are read, not returned or counted). */
	keep?: (record: IDataObject) => boolean;
}

/** The list kept changing under a crowded issue date; nothing read can be trusted to be complete. */
export class UnsettledListError extends Error {}

/** Invoices in the order first read, one per id; a later read of the same id replaces the earlier one. */
class DistinctRecords<T> {
	readonly items: T[] = [];
	private readonly positions = new Map<number, number>();

	constructor(private readonly recordOf: (item: T) => IDataObject) {}

	add(items: readonly T[], replace = false): void {
		for (const item of items) {
			const id = Number(this.recordOf(item).id);
			const position = this.positions.get(id);
			if (position === undefined) {
				if (Number.isSafeInteger(id)) this.positions.set(id, this.items.length);
				this.items.push(item);
			} else if (replace) {
				this.items[position] = item;
			}
		}
	}

	has(item: T): boolean {
		return this.positions.has(Number(this.recordOf(item).id));
	}

	records(): IDataObject[] {
		return this.items.map(this.recordOf);
	}
}

/** An issue date as the node's `from`/`to` filters write it (`YYYYMMDD`); undefined when unreadable. */
function issueDay(value: unknown): string | undefined {
	const match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(String(value ?? ''));
	return match ? `${match[1]}${match[2]}${match[3]}` : undefined;
}

function dayBefore(day: string): string {
	const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) - 1));
	return date.toISOString().slice(0, 10).replace(/-/g, '');
}

function newestFirst(days: ReadonlyArray<string | undefined>): days is string[] {
	return days.every((day, index) => day !== undefined && (index === 0 || day <= (days[index - 1] as string)));
}

/** `updated_since` (UTC, to the minute) one minute before `seconds`, as the trigger's cursor does. */
function minuteBefore(seconds: number): string {
	const minute = Math.floor(seconds / 60) * 60 - 60;
	return new Date(Math.max(0, minute) * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Reads one page; the walk's own reader, which tells it where the list ends (see `asPageRead`). */
type WalkRead<T> = (qs: IDataObject) => Promise<PageRead<T>>;

/** Plain `?page=N` walk until the last page. */
async function readPages<T>(read: WalkRead<T>, qs: IDataObject, from = 1): Promise<T[]> {
	const items: T[] = [];
	for (let page = from; ; page++) {
		const answer = await read({ ...qs, page });
		// One push per record: a spread of a whole list can overflow the call stack.
		for (const item of answer.items) items.push(item);
		if (answer.last) return items;
	}
}

/**
 * Every invoice of one crowded issue date: its pages are read until two walks in a row see the
 * same invoices (a walk while invoices of that date are created or deleted can shift them across
 * pages, which only a second, identical walk rules out).
 */
async function readSettledDay<T>(
	read: WalkRead<T>,
	qs: IDataObject,
	day: string,
	recordOf: (item: T) => IDataObject,
	unsettled: (message: string) => Error,
	firstPage: T[],
): Promise<T[]> {
	const seen = new DistinctRecords(recordOf);
	const dayQs = { ...qs, from: day, to: day };
	let previous: string | undefined;
	for (let attempt = 0; attempt < MAX_BLOCK_READS; attempt++) {
		// The page that found the date crowded is its first page: the first walk goes on from page 2.
		const walk = attempt === 0 ? [...firstPage, ...(await readPages(read, dayQs, 2))] : await readPages(read, dayQs);
		seen.add(walk, true);
		const ids = walk
			.map((item) => Number(recordOf(item).id))
			.sort((a, b) => a - b)
			.join(',');
		if (ids === previous) return seen.items;
		previous = ids;
	}
	throw unsettled(
		`Harvest's invoice list kept changing while the invoices issued on ${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)} were being read`,
	);
}

/**
 * Reads a whole invoice list (or up to `limit`) so that invoices created, deleted or re-dated
 * while the pages are being read neither repeat nor go missing.
 *
 * Harvest sorts invoices by issue date, newest first, and numbers pages over that order, so a plain
 * `?page=N` walk shifts: an invoice created during the walk repeats one already read, one deleted
 * makes the next page skip one. Instead each request after the first asks for page 1 of "issued on
 * or before the last date read" (`to`): it starts again at that date, so whatever happened to
 * newer invoices cannot shift it, and the invoices of that date read twice (the overlap) are
 * dropped by id. A date with a full page of its own is read on its own until two walks agree.
 * An invoice re-dated (or created) during the walk may have moved to dates already passed: one
 * last read of the invoices changed since the walk began, by Harvest's own `updated_at`, picks
 * it up (the version read last wins).
 *
 * Harvest documents that order; should a page come back in another order, or `to` not include the
 * date given, the walk falls back to plain pages from the start, de-duplicated by id.
 */
export async function walkInvoiceList<T>(
	readPage: ReadPage<T>,
	qs: IDataObject,
	recordOf: (item: T) => IDataObject,
	options: WalkOptions = {},
): Promise<T[]> {
	const limit = options.limit ?? Number.POSITIVE_INFINITY;
	const { enough, keep } = options;
	const spelling = options.spelling ?? V1_LIST;
	const collected = new DistinctRecords(recordOf);
	const started = Date.now();
	let requests = 0;
	const read: WalkRead<T> = async (pageQs) => {
		requests++;
		return asPageRead(await readPage(pageQs), spelling.pageSize);
	};
	const kept = () => (keep === undefined ? collected.items : collected.items.filter((item) => keep(recordOf(item))));
	const done = () => kept().length >= limit || (enough !== undefined && enough(collected.records()));
	const result = () => {
		const items = kept();
		return items.length > limit ? items.slice(0, limit) : items;
	};
	const to = issueDay(qs.to);
	const from = issueDay(qs.from);

	let bound = qs.to === undefined ? undefined : (to ?? String(qs.to));
	// After a page that ended inside a date, the next read starts at that date again: it must overlap.
	let overlapExpected = false;
	const unsettled = options.unsettled ?? ((message: string) => new UnsettledListError(message));
	for (;;) {
		const { items, last: lastOfList } = await read(bound === undefined ? { ...qs, page: 1 } : { ...qs, to: bound, page: 1 });
		// The overlap must show invoices of the last date already read; if none, `to` or the order is not what we think.
		const overlaps = !overlapExpected || items.some((item) => collected.has(item));
		const days = items.map((item) => issueDay(spelling.issueDate(recordOf(item))));
		if (!overlaps || !newestFirst(days)) {
			collected.add(await readPages(read, qs));
			break;
		}
		collected.add(items);
		if (done()) return result();
		if (lastOfList) break;
		const last = days[days.length - 1];
		if (days[0] === last) {
			// A page of one date that does not end the list is page 1 of that date: the newest on or before the bound.
			collected.add(await readSettledDay(read, qs, last, recordOf, unsettled, items));
			if (done()) return result();
			bound = dayBefore(last);
			overlapExpected = false;
			if (from !== undefined && bound < from) break;
		} else {
			bound = last;
			overlapExpected = true;
		}
	}
	if (requests > 1) await catchUp(read, qs, collected, (Date.now() - started) / 1000);
	return result();
}

/** The last read of a multi-page walk: the invoices Harvest changed since the walk began (see above). */
async function catchUp<T>(read: WalkRead<T>, qs: IDataObject, collected: DistinctRecords<T>, walkSeconds: number): Promise<void> {
	let newest: number | undefined;
	for (const record of collected.records()) {
		const ms = Date.parse(String(record.updated_at ?? ''));
		if (!Number.isNaN(ms) && (newest === undefined || ms > newest)) newest = ms;
	}
	if (newest === undefined) return;
	// Harvest's newest `updated_at` less the walk's length is no later than the walk's start on Harvest's clock.
	let since = minuteBefore(Math.floor(newest / 1000) - Math.ceil(walkSeconds));
	// The query's own `updated_since` may be spelled the v2 way (`2026-06-15T09:30:00Z`).
	const given = typeof qs.updated_since === 'string' ? qs.updated_since.replace('T', ' ').slice(0, 16) : undefined;
	if (given !== undefined && given > since) since = given;
	collected.add(await readPages(read, { ...qs, updated_since: since }), true);
}
