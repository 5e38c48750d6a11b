import type { IDataObject } from 'n8n-workflow';

import type { InvoiceStatusFilter } from './operationRequest';

/**
 * What the trigger asks of the invoice list, in neutral words: each dialect puts it into its own
 * (v1/watchQuery.ts, v2/watchQuery.ts), so the trigger never writes an API's filter names or forms.
 */
export interface InvoiceWatchFilters {
	/** Only this client's invoices (a Harvest id). */
	clientId?: string;
	/** Just this page of the list (1: the most recently issued), for a sample; the page walk sets its own. */
	page?: number;
	status?: InvoiceStatusFilter;
	/** Changed at or after this instant, epoch milliseconds; APIs that filter by the minute round it down. */
	updatedSinceMs?: number;
	/** Issued on or after, on or before these days (days since 1970-01-01). */
	issuedFromDay?: number;
	issuedToDay?: number;
}

/** The trigger's list filters in one API's words. */
export interface InvoiceWatchQuery {
	/**
	 * The query of the trigger's invoice list read (reads.ts, `invoiceList`) and the page walk over it, in the
	 * API's words; its keys come in the order the trigger has always sent them (client, page,
	 * status, updated since, from, to), so request logs read as they did.
	 */
	qs: IDataObject;
	/** The records a status the API cannot filter on stands for (partly paid, late...), for the page walk. */
	keep?: (record: IDataObject) => boolean;
}
