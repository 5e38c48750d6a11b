import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { harvestCredentialType } from './credentialType';
import { dialectOf } from './dialect';
import { dayOfDate, type InvoiceView } from './invoiceView';
import type { InvoiceWatchFilters } from './invoiceWatchQuery';
import { walkInvoiceList } from './pageWalk';
import { harvestRead } from './reads';

/**
 * The trigger's reads of the invoice list, in neutral words both ways: filters in, views out. The
 * records are sent and retried as every programmatic read is (reads.ts); the dialect spells the
 * query and reads the records.
 */

/**
 * The whole list for `filters` (see pageWalk.ts: nothing repeats or goes missing while invoices
 * change), or until `enough` says to stop; it is handed the views read so far only when it asks.
 */
export async function watchInvoiceList(
	this: IPollFunctions,
	filters: InvoiceWatchFilters,
	enough?: (views: () => InvoiceView[]) => boolean,
): Promise<InvoiceView[]> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	const dialect = dialectOf(credentials);
	const { qs, keep } = dialect.invoiceWatchQuery(credentials, filters);
	// The whole answer, not only its records: v2 says there how it paged them (see pageWalk.ts).
	const readPage = async (pageQs: IDataObject) => await harvestRead.call(this, { read: 'invoiceList', qs: pageQs });
	// Most pages need no look at the records: they are made views only when `enough` asks for them.
	const enoughRecords = enough ? (records: IDataObject[]) => enough(() => records.map(dialect.invoiceView)) : undefined;
	const records = await walkInvoiceList(readPage, qs, (record) => record, { enough: enoughRecords, spelling: dialect.list, keep });
	return records.map(dialect.invoiceView);
}

/**
 * One page of the list (`filters.page`), as it comes: a sample picks among its invoices by their
 * state itself, so what the page walk would keep beyond the API's own filter is not applied.
 */
export async function watchInvoicePage(this: IPollFunctions, filters: InvoiceWatchFilters): Promise<InvoiceView[]> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	const dialect = dialectOf(credentials);
	const { qs } = dialect.invoiceWatchQuery(credentials, filters);
	const { records } = await harvestRead.call(this, { read: 'invoiceList', qs });
	return records.map(dialect.invoiceView);
}

/** Harvest's today as a day number (see invoiceView.ts), as its answers last told it. */
export async function watchToday(this: IPollFunctions): Promise<number | null> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	return dayOfDate(dialectOf(credentials).today(credentials));
}
