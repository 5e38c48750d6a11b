import { unprocessable } from '../errors';

/**
 * v2's list envelope. Invoices are page-based (`page`, `per_page` 1..2000, default 100); messages,
 * payments, categories and the directory are cursor-based (default 2000), where `page`,
 * `next_page` and `previous_page` are null except on the first and last pages and only
 * `links.next` (`cursor=...&ref=next_cursor`) leads on. Links are absolute, on the sandbox's own
 * origin, and keep the filters asked for (never credentials).
 */
export const MAX_PER_PAGE = 2000;
export const INVOICES_PER_PAGE = 100;
export const CURSOR_PER_PAGE = 2000;

export interface Envelope {
	per_page: number;
	total_pages: number;
	total_entries: number;
	next_page: number | null;
	previous_page: number | null;
	page: number | null;
	links: { first: string; next: string | null; previous: string | null; last: string };
}

/** Where a list is served from and which of the query's parameters its links repeat. */
export interface ListAddress {
	origin: string;
	path: string;
	query: URLSearchParams;
	/** Filter names to repeat in links (credentials and paging are never repeated). */
	filters: readonly string[];
}

export function readPerPage(query: URLSearchParams, fallback: number): number {
	const text = query.get('per_page');
	if (text === null || text === '') return fallback;
	if (!/^-?\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > MAX_PER_PAGE) {
		throw unprocessable(`per_page must be a whole number from 1 to ${MAX_PER_PAGE}`);
	}
	return Number(text);
}

function readPage(query: URLSearchParams): number {
	const text = query.get('page');
	if (text === null || text === '') return 1;
	if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw unprocessable('page must be a whole number starting at 1');
	return Number(text);
}

function link(address: ListAddress, paging: Array<[string, string]>, ref: string): string {
	const params = new URLSearchParams();
	for (const name of address.filters) {
		const value = address.query.get(name);
		if (value !== null) params.set(name, value);
	}
	for (const [name, value] of paging) params.set(name, value);
	params.set('ref', ref);
	return `${address.origin}${address.path}?${params.toString()}`;
}

/**
 * One page of `items` (already filtered and sorted) and the envelope for it. `maxPerPage` caps the
 * page below what `per_page` asked, as an account limited lower would: the envelope tells the size used.
 */
export function pageBased<T>(
	items: readonly T[],
	address: ListAddress,
	defaultPerPage: number,
	maxPerPage = MAX_PER_PAGE,
): { records: T[]; envelope: Envelope } {
	const perPage = Math.min(readPerPage(address.query, defaultPerPage), maxPerPage);
	const page = readPage(address.query);
	const totalPages = Math.max(1, Math.ceil(items.length / perPage));
	const at = (number: number, ref: string) => link(address, [['page', String(number)], ['per_page', String(perPage)]], ref);
	const next = page < totalPages ? page + 1 : null;
	const previous = page > 1 ? Math.min(page - 1, totalPages) : null;
	return {
		records: items.slice((page - 1) * perPage, page * perPage),
		envelope: {
			per_page: perPage, total_pages: totalPages, total_entries: items.length, next_page: next, previous_page: previous, page,
			links: {
				first: at(1, 'first'),
				next: next === null ? null : at(next, 'next'),
				previous: previous === null ? null : at(previous, 'previous'),
				last: at(totalPages, 'last'),
			},
		},
	};
}

/**
 * A cursor names the last record already read (`after` its id): the next page starts after it, so
 * records added or deleted meanwhile never shift what a walk sees. Opaque to clients.
 */
function encodeCursor(afterId: number): string {
	return Buffer.from(`after:${afterId}`, 'utf8').toString('base64url');
}

function decodeCursor(text: string): number {
	const match = /^after:(\d+)$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
	if (!match) throw unprocessable('cursor is not valid: follow the links of a previous answer');
	return Number(match[1]);
}

/** `items` sorted by id ascending. `page` (deprecated on these endpoints) still works without a cursor. */
export function cursorBased<T extends { id: number }>(items: readonly T[], address: ListAddress): { records: T[]; envelope: Envelope } {
	const perPage = readPerPage(address.query, CURSOR_PER_PAGE);
	const cursor = address.query.get('cursor');
	let start: number;
	if (cursor !== null && cursor !== '') {
		const afterId = decodeCursor(cursor);
		start = items.findIndex((item) => item.id > afterId);
		if (start < 0) start = items.length;
	} else {
		start = (readPage(address.query) - 1) * perPage;
	}
	const end = Math.min(items.length, start + perPage);
	const totalPages = Math.max(1, Math.ceil(items.length / perPage));
	const isFirst = start === 0;
	const isLast = end >= items.length;
	const after = (index: number, ref: string) =>
		index <= 0 ? link(address, [['per_page', String(perPage)]], ref) : link(address, [['cursor', encodeCursor(items[index - 1].id)], ['per_page', String(perPage)]], ref);
	const lastStart = (totalPages - 1) * perPage;
	return {
		records: items.slice(start, end),
		envelope: {
			per_page: perPage, total_pages: totalPages, total_entries: items.length,
			next_page: isFirst && !isLast ? 2 : null,
			previous_page: isLast && !isFirst ? totalPages - 1 : null,
			page: isFirst ? 1 : isLast ? totalPages : null,
			links: {
				first: link(address, [['per_page', String(perPage)]], 'first'),
				next: isLast ? null : after(end, 'next_cursor'),
				previous: isFirst ? null : after(Math.max(0, start - perPage), 'previous_cursor'),
				last: after(lastStart, 'last'),
			},
		},
	};
}
