import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { apiVersionOf } from './apiVersion';
import { V2_PAGE_SIZE } from './v2';
import { v2InvoiceView } from './v2/invoiceView';

/**
 * How the invoice list of the API a credential speaks is paged, for the page walk (pageWalk.ts).
 * Its filters are written in the node's own words (`to=YYYYMMDD`, `updated_since=YYYY-MM-DD HH:MM`)
 * and translated with the rest of the request.
 */
export interface ListSpelling {
	/** Records per full page: a shorter page is the last one. */
	pageSize: number;
	/** An invoice's issue date (`YYYY-MM-DD`), as this API's records spell it. */
	issueDate: (record: IDataObject) => unknown;
}

/** Harvest v1 answers 50 invoices a page. */
export const V1_LIST: ListSpelling = { pageSize: 50, issueDate: (record) => record.issued_at };

const V2_LIST: ListSpelling = { pageSize: V2_PAGE_SIZE, issueDate: (record) => record.issue_date };

export function listSpellingOf(credentials: ICredentialDataDecryptedObject): ListSpelling {
	return apiVersionOf(credentials) === 'v2' ? V2_LIST : V1_LIST;
}

/**
 * Whether the API adds invoice lines without rewriting the others. v1's `csv-line-items` always
 * replaces every line (so adding sends the current ones plus the new); v2 adds lines sent without an id.
 */
export function addsLineItemsInPlace(credentials: ICredentialDataDecryptedObject): boolean {
	return apiVersionOf(credentials) === 'v2';
}

/** The client of an invoice record, whichever API wrote it (`client_id` on v1, `client.id` on v2). */
export function invoiceClientId(invoice: IDataObject): unknown {
	const client = invoice.client as IDataObject | undefined;
	return invoice.client_id ?? (typeof client === 'object' && client !== null ? client.id : undefined);
}

/** Invoice records as the trigger's change detection reads them, whichever API wrote them. */
export function invoiceViewsOf(credentials: ICredentialDataDecryptedObject): (records: IDataObject[]) => IDataObject[] {
	return apiVersionOf(credentials) === 'v2' ? (records) => records.map(v2InvoiceView) : (records) => records;
}
