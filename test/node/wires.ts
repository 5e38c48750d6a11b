import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { SandboxAddress } from '../sandbox/testing/client';
import { sandboxCredentials, sandboxV2Credentials } from './harness';
import { v2InvoiceFields, v2LineItem, v2ListQuery } from './v2Words';

/**
 * The ways the node and the trigger can talk to Harvest, chosen by the credential: the classic API
 * in JSON or XML, or API v2. What an operation does must not depend on it; only the requests it
 * sends and the records it outputs do, so the suites run once per wire and ask the wire for what differs.
 */
export interface Wire {
	name: string;
	/** The name without spaces, for data a test makes per wire (invoice numbers). */
	key: string;
	/** Which API the credential speaks; a test whose v1 expectation has no v2 form at all checks it. */
	api: 'v1' | 'v2';
	/** How the node changes a record: v1 PUTs the whole record, v2 PATCHes. */
	updateMethod: 'PUT' | 'PATCH';
	/** A request body as the sandbox parsed it: v1 wraps the record in its root key, v2 sends the fields alone. */
	body(root: string, fields: Record<string, unknown>): Record<string, unknown>;
	/** v1 answers a write with a Location only, so the node reads the record back; v2 answers with the record. */
	readBack(path: string): Array<{ method: 'GET'; path: string; body: null }>;
	credentials(sandbox: SandboxAddress): ICredentialDataDecryptedObject;
	/** The path the sandbox sees (request log, fault rules, hooks) for a v1-style path. */
	path(path: string): string;
	/** The query parameter naming the client filter. */
	clientParam: string;
	/** The first page of the invoice list filtered by a v1 status, as the request log shows it. */
	firstPage(status: 'paid' | 'open' | 'partial' | 'draft'): string;
	/** What a payment or message record says of its invoice: v1 names it (`invoice_id`), v2's records have no such field. */
	paymentOf(invoiceId: number): Record<string, number>;
	/** The invoice field holding the issue date: items show each API's own record. */
	issueDateField: string;
	/** The invoice field holding the due date. */
	dueDateField: string;
	/** Marks the listings of past-due invoices (probes and the reads of late ones). */
	pastDueList: string;
	/** The overdue probe's query: open or partial invoices past due, issued on one day. */
	pastDueProbe: RegExp;
	/** Invoices a page of the list holds (v1: 50; v2: the node asks for 2000). */
	pageSize: number;
	/** The state an invoice shows for a v1 state: v2 has no `partial`, a partly paid sent invoice is `open`. */
	state(v1State: string): string;
	/** The status the throttle answers with. */
	throttleStatus: number;
	/** An invoice list read's query as the request log shows it, for the query as v1 writes it. */
	listQuery(v1Query: Record<string, string>): Record<string, string>;
	/** Some fields of an invoice record as the wire's API writes them, for the fields as v1 writes them. */
	invoice(v1Fields: Record<string, unknown>): Record<string, unknown>;
	/** A line item as the invoice record shows it, for the line as v1 shows it. */
	lineItem(v1Line: Record<string, unknown>): Record<string, unknown>;
	/** Whether the invoice list carries line items: v1's does not, only Get of one invoice does. */
	listHasLineItems: boolean;
	/** Where the node reads the account's settings (its number format): v1's who_am_i, v2's company. */
	accountPath: string;
	/** How the list filters write a day (`from`, `to`) and a moment (`updated_since`). */
	listDay: RegExp;
	listMoment: RegExp;
}

const V2_STATES: Record<string, string> = { paid: 'paid', open: 'open', partial: 'open', draft: 'draft' };

export const V1_JSON: Wire = {
	name: 'v1 JSON',
	key: 'v1-json',
	api: 'v1',
	updateMethod: 'PUT',
	body: (root, fields) => ({ [root]: fields }),
	readBack: (path) => [{ method: 'GET', path, body: null }],
	credentials: (sandbox) => sandboxCredentials(sandbox, { dataFormat: 'json' }),
	path: (path) => path,
	clientParam: 'client',
	firstPage: (status) => `/invoices?page=1&status=${status}`,
	paymentOf: (invoiceId) => ({ invoice_id: invoiceId }),
	issueDateField: 'issued_at',
	dueDateField: 'due_at',
	pastDueList: 'status=pastdue',
	pastDueProbe: /status=pastdue&from=(\d{8})&to=\1/,
	pageSize: 50,
	throttleStatus: 503,
	state: (v1State) => v1State,
	listQuery: (v1Query) => v1Query,
	invoice: (v1Fields) => v1Fields,
	lineItem: (v1Line) => v1Line,
	listHasLineItems: false,
	accountPath: '/account/who_am_i',
	listDay: /^\d{8}$/,
	listMoment: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
};

export const V1_XML: Wire = { ...V1_JSON, name: 'v1 XML', key: 'v1-xml', credentials: (sandbox) => sandboxCredentials(sandbox, { dataFormat: 'xml' }) };

export const V2: Wire = {
	name: 'v2',
	key: 'v2',
	api: 'v2',
	updateMethod: 'PATCH',
	body: (_root, fields) => fields,
	readBack: () => [],
	credentials: (sandbox) => sandboxV2Credentials(sandbox),
	path: (path) => `/v2${path}`,
	clientParam: 'client_id',
	firstPage: (status) => `/v2/invoices?page=1&state=${V2_STATES[status]}&per_page=2000`,
	paymentOf: () => ({}),
	issueDateField: 'issue_date',
	dueDateField: 'due_date',
	// v2 has no past-due state: the node lists open invoices and keeps those due before Harvest's today.
	pastDueList: 'state=open&from=',
	pastDueProbe: /state=open&from=(\d{4}-\d{2}-\d{2})&to=\1/,
	pageSize: 2000,
	throttleStatus: 429,
	state: (v1State) => V2_STATES[v1State] ?? v1State,
	listQuery: v2ListQuery,
	invoice: (v1Fields) => v2InvoiceFields(v1Fields, V2.state),
	lineItem: v2LineItem,
	listHasLineItems: true,
	accountPath: '/v2/company',
	listDay: /^\d{4}-\d{2}-\d{2}$/,
	listMoment: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/,
};

export const WIRES: Wire[] = [V1_JSON, V1_XML, V2];

/** `describe.each` / `it.each` rows: the wire's name for the title, the wire itself. */
export const EACH_WIRE = WIRES.map((wire) => [wire.name, wire] as const);

/** The v1 rows only: for the suites or tests whose expectations have no v2 form (each says why). */
export const EACH_V1_WIRE = EACH_WIRE.filter(([, wire]) => wire.api === 'v1');
