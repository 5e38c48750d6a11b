import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { PAGE_SIZE } from '../transport';
import { harvestRead } from '../transport/reads';
import { accountWebAddress } from '../transport/accountAddress';
import { asPageRead } from '../transport/pageWalk';
import { currencyCode } from './currencies';
import { harvestCredentialType } from '../transport/credentialType';
import { dialectOf, type InvoiceFields } from '../transport/dialect';

/** A filtered search reads at most this many pages (500 invoices) per call before handing back a token. */
const MAX_PAGES_PER_SEARCH = 10;
/** A filtered search stops reading pages once it has this many matches for the user to scroll. */
const ENOUGH_MATCHES = 20;

/** How an invoice reads in the picker: number, client, amount, state. */
export function invoiceSearchItem(invoice: IDataObject, accountAddress: string | undefined, fields: InvoiceFields): INodeListSearchItems {
	const amount = typeof invoice.amount === 'number' ? invoice.amount.toFixed(2) : String(invoice.amount ?? '');
	const parts = [`#${String(invoice.number ?? invoice.id)}`, fields.clientName(invoice), `${amount} ${currencyCode(invoice.currency)}`.trim(), invoice.state];
	const item: INodeListSearchItems = {
		name: parts.filter((part) => part !== undefined && part !== null && part !== '').join(' · '),
		value: String(invoice.id),
	};
	if (accountAddress !== undefined) item.url = `${accountAddress}/invoices/${String(invoice.id)}`;
	return item;
}

/**
 * Harvest's classic API has no text search (v2's neither): an invoice matches when its number or client name contains the
 * filter, or its ID is the filter.
 */
export function invoiceMatches(invoice: IDataObject, filter: string, fields: InvoiceFields): boolean {
	const needle = filter.trim().toLowerCase();
	if (needle === '' || String(invoice.id) === needle) return true;
	return [invoice.number, fields.clientName(invoice)].some((value) => String(value ?? '').toLowerCase().includes(needle));
}

/**
 * listSearch for the invoice picker: walks the invoice list (newest first), 50 a page; the
 * pagination token is the next page to read. Without a filter each call reads one page; with one,
 * it reads on until it has enough matches or has read MAX_PAGES_PER_SEARCH pages, so a rare match
 * does not cost a request per scroll.
 */
export async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	const address = await accountWebAddress.call(this, credentials);
	const { invoiceFields: fields } = dialectOf(credentials);
	const tokenPage = Number(paginationToken);
	let page = Number.isInteger(tokenPage) && tokenPage > 0 ? tokenPage : 1;
	const results: INodeListSearchItems[] = [];
	for (let read = 0; read < MAX_PAGES_PER_SEARCH; read++, page++) {
		const answer = await harvestRead.call(this, { read: 'invoicePage', page });
		const { records } = answer;
		results.push(...records.filter((invoice) => invoiceMatches(invoice, filter ?? '', fields)).map((invoice) => invoiceSearchItem(invoice, address, fields)));
		// The last page as the answer tells it (v2 may hold fewer than asked: see pageWalk.ts).
		if (asPageRead(answer, PAGE_SIZE).last) return { results };
		if (!filter?.trim() || results.length >= ENOUGH_MATCHES) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(page) };
}
