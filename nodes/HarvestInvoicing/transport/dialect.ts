import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions, INode } from 'n8n-workflow';

import { apiVersionOf } from './apiVersion';
import type { OperationRequest } from './operationRequest';
import { v1Dialect } from './v1/dialect';
import { v2Dialect } from './v2/dialect';
import { v2InvoiceView } from './v2/invoiceView';

/**
 * How the invoice list of the API a credential speaks is paged, for the page walk (pageWalk.ts).
 * The walk adds its own `to`, `page` and `updated_since` to the list query; the dialect's
 * `pageQuery` puts each page's query in its own form.
 */
export interface ListSpelling {
	/** Records per full page: a shorter page is the last one. */
	pageSize: number;
	/** An invoice's issue date (`YYYY-MM-DD`), as this API's records spell it. */
	issueDate: (record: IDataObject) => unknown;
}

/** An operation's request as one API spells it. */
export interface WireRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	/** The body as the API takes it (wrapped or not), not yet encoded. */
	body?: IDataObject;
	/** A Get of one record the API cannot read alone: its list is read and this record picked. */
	pick?: { kind: 'message' | 'payment'; id: number };
	/** Invoices the list must keep beyond what the API's own filter can say (partly paid, late...). */
	keep?: 'partial' | 'unpaid' | 'pastdue';
}

/** What a translation may need besides the request itself. */
export interface TranslationContext {
	node: INode;
	itemIndex: number;
	/** Today in UTC (`YYYY-MM-DD`). */
	today: string;
	/** The invoice being changed, read (once) only when the translation needs it. */
	currentInvoice: () => Promise<IDataObject>;
}

/** One API of Harvest's, behind the one seam: everything else in the node speaks OperationRequest. */
export interface HarvestDialect {
	list: ListSpelling;
	/** The node's request in this API's words: endpoint, method, query and body. */
	translate(request: OperationRequest, context: TranslationContext): Promise<WireRequest>;
	/** The HTTP options of a translated request: headers, body encoding, authentication extras. */
	httpOptions(credentials: ICredentialDataDecryptedObject, wire: WireRequest): IHttpRequestOptions;
	/** One page of the invoice walk: the list query with the walk's `to`/`page`/`updated_since`, in this API's form. */
	pageQuery(qs: IDataObject): IDataObject;
}

export function dialectOf(credentials: ICredentialDataDecryptedObject): HarvestDialect {
	return apiVersionOf(credentials) === 'v2' ? v2Dialect : v1Dialect;
}

export function listSpellingOf(credentials: ICredentialDataDecryptedObject): ListSpelling {
	return dialectOf(credentials).list;
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
