import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';

import type { DecimalSymbol } from '../shared/numberFormat';

import { apiVersionOf } from './apiVersion';
import type { DecodedBody } from './decodedBody';
import type { ErrorSpelling } from './errors';
import type { OperationRequest } from './operationRequest';
import type { HarvestRead } from './reads';
import { v1Dialect } from './v1/dialect';
import { v2Dialect } from './v2/dialect';
import type { InvoiceView } from './invoiceView';
import type { InvoiceWatchFilters, InvoiceWatchQuery } from './invoiceWatchQuery';

/** Every context a Harvest request is made from: items, operations, dropdowns, polls. */
export type HarvestContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * How the invoice list of the API a credential speaks is paged, for the page walk (pageWalk.ts).
 * The walk adds its own `to`, `page` and `updated_since` to the list query; the dialect's
 * `pageQuery` puts each page's query in its own form.
 */
export interface ListSpelling {
	/**
	 * Records a page is asked for. A bare list shorter than this is the last page; an answer that
	 * says how it was paged (v2) is judged by what it says (see pageWalk.ts `asPageRead`).
	 */
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
	keep?: 'partial' | 'nothingPaid' | 'pastdue';
}

/** What a translation may need besides the request itself. */
export interface TranslationContext {
	node: INode;
	itemIndex: number;
	/** The account's today (`YYYY-MM-DD`), from the dialect's `today`. */
	today: string;
	/** The invoice being changed, read (once) only when the translation needs it. */
	currentInvoice: () => Promise<IDataObject>;
}

/**
 * What decoding an answer may use: the item's context (for extra reads) and its credential. The
 * context is the item's own under n8n's routing, the node's when Get Many runs as its own operation.
 */
export interface AnswerContext {
	context: IExecuteSingleFunctions | IExecuteFunctions;
	credentials: ICredentialDataDecryptedObject;
	/** The account's decimal symbol, read only when an answer needs it. */
	readDecimalSymbol: () => Promise<DecimalSymbol>;
}

export interface DecodedAnswer {
	decoded: DecodedBody;
	next?: string;
}

/** An invoice record's fields as one API names them; undefined when the record does not carry one. */
export interface InvoiceFields {
	clientId: (invoice: IDataObject) => unknown;
	/** Lists name the client; a single classic invoice does not. */
	clientName: (invoice: IDataObject) => unknown;
	/** `YYYY-MM-DD`. */
	issueDate: (invoice: IDataObject) => unknown;
	dueDate: (invoice: IDataObject) => unknown;
}

/** One API of Harvest's, behind the one seam: everything else in the node speaks OperationRequest. */
export interface HarvestDialect {
	list: ListSpelling;
	/** The node's request in this API's words: endpoint, method, query and body. */
	translate(request: OperationRequest, context: TranslationContext): Promise<WireRequest>;
	/** The HTTP options of a translated request: headers, body encoding, authentication extras. */
	httpOptions(credentials: ICredentialDataDecryptedObject, wire: WireRequest): IHttpRequestOptions;
	/**
	 * An operation's answer decoded into records, with what this API adds to them (dashboard links,
	 * line items in the account's number format...), the record picked when `wire.pick` says so.
	 * `next` is the address of the next page of a cursor list, when the answer has one.
	 */
	decodeAnswer(answer: AnswerContext, response: IN8nHttpFullResponse, wire: WireRequest | undefined): Promise<DecodedAnswer>;
	/** The request for the next page of a cursor list, from the link an answer gave. */
	nextPage(node: INode, credentials: ICredentialDataDecryptedObject, link: string): { path: string; qs?: IDataObject };
	/** For the invoice walk: which records a status the API cannot filter on means, if any. */
	listKeep(credentials: ICredentialDataDecryptedObject, wire: WireRequest | undefined): ((record: IDataObject) => boolean) | undefined;
	/** One page of the invoice walk: the list query with the walk's `to`/`page`/`updated_since`, in this API's form. */
	pageQuery(qs: IDataObject): IDataObject;
	/** The day it is for the account (`YYYY-MM-DD`), for dates the node works out itself: Harvest's when known. */
	today(credentials: ICredentialDataDecryptedObject): string;
	// The invoice trigger's words (issue 9): it reads invoices as neutral views and asks for lists
	// with neutral filters, so that it knows neither API's field names nor filter forms.
	/** An invoice record of this API as the trigger reads it. */
	invoiceView(record: IDataObject): InvoiceView;
	/** The trigger's invoice list filters in this API's words, with what the page walk must keep. */
	invoiceWatchQuery(credentials: ICredentialDataDecryptedObject, filters: InvoiceWatchFilters): InvoiceWatchQuery;

	// Added for issue 9 ("One seam"), transport-seam branch: what stayed API-specific in the root files.

	/** Which status is this API's throttle, and its own wording of failures (see errors.ts). */
	errors: ErrorSpelling;
	/** Whom Harvest counts requests against (address, account, login); rateBudget.ts hashes it into a key. */
	accountIdentity(credentials: ICredentialDataDecryptedObject): string;
	/** The address requests go to; throws when the credential names no usable one. */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Throws the mistake the credential's `authenticate` would trip on, before anything is sent. */
	checkCredential(credentials: ICredentialDataDecryptedObject): void;
	/** The account's web address, for links to Harvest's own pages; undefined when Harvest does not say. */
	webAddress(context: HarvestContext, credentials: ICredentialDataDecryptedObject): Promise<string | undefined>;
	/** An answer's body as records (`path` is the path asked); throws when it cannot be read. */
	decodeBody(credentials: ICredentialDataDecryptedObject, body: unknown, path: string): DecodedBody;
	/** The body format an unreadable answer is named by in the error. */
	bodyFormatName(credentials: ICredentialDataDecryptedObject): string;
	/** What decoded records get at once, without another request (v1 invoices: dashboard link, line items). */
	recordExtras(credentials: ICredentialDataDecryptedObject, decoded: DecodedBody): DecodedBody;
	/**
	 * A read named in no API's words (reads.ts: dropdowns, read-backs, the trigger's lists), through
	 * the budget and retries, decoded; records in this API's shape.
	 */
	read(context: HarvestContext, credentials: ICredentialDataDecryptedObject, read: HarvestRead): Promise<DecodedBody>;
	/** The account's decimal symbol, for line items written with decimal commas. */
	decimalSymbol(context: HarvestContext, credentials: ICredentialDataDecryptedObject): Promise<DecimalSymbol>;
	/** Where this API's invoice records keep what output helpers read (simplified items, the picker, a send's client). */
	invoiceFields: InvoiceFields;
}

export function dialectOf(credentials: ICredentialDataDecryptedObject): HarvestDialect {
	return apiVersionOf(credentials) === 'v2' ? v2Dialect : v1Dialect;
}
