import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { SandboxAddress } from '../../sandbox/testing/client';
import { sandboxCredentials, sandboxV2Credentials } from '../harness';

/**
 * The ways the trigger can talk to Harvest, chosen by its credential: the classic API in JSON or
 * XML, or API v2. The trigger's events must not depend on it; only the requests it sends do, so
 * the suites run once per wire and ask the wire for the paths and queries they check.
 */
export interface Wire {
	name: string;
	credentials(sandbox: SandboxAddress): ICredentialDataDecryptedObject;
	/** The path the sandbox sees (request log, fault rules, hooks) for a v1-style path. */
	path(path: string): string;
	/** The query parameter naming the client filter. */
	clientParam: string;
	/** The first page of the invoice list filtered by a v1 status, as the request log shows it. */
	firstPage(status: 'paid' | 'open' | 'partial' | 'draft'): string;
	/** What a payment record says of its invoice: v1 names it (`invoice_id`), v2's payment has no such field. */
	paymentOf(invoiceId: number): Record<string, number>;
	/** The invoice field holding the issue date: items show each API's own record. */
	issueDateField: string;
	/** Marks the listings of past-due invoices (probes and the reads of late ones). */
	pastDueList: string;
	/** The overdue probe's query: open or partial invoices past due, issued on one day. */
	pastDueProbe: RegExp;
	/** Invoices a page of the list holds (v1: 50; v2: the node asks for 2000). */
	pageSize: number;
	/** The status the throttle answers with. */
	throttleStatus: number;
}

const V2_STATES: Record<string, string> = { paid: 'paid', open: 'open', partial: 'open', draft: 'draft' };

export const V1_JSON: Wire = {
	name: 'v1 JSON',
	credentials: (sandbox) => sandboxCredentials(sandbox, { dataFormat: 'json' }),
	path: (path) => path,
	clientParam: 'client',
	firstPage: (status) => `/invoices?page=1&status=${status}`,
	paymentOf: (invoiceId) => ({ invoice_id: invoiceId }),
	issueDateField: 'issued_at',
	pastDueList: 'status=pastdue',
	pastDueProbe: /status=pastdue&from=(\d{8})&to=\1/,
	pageSize: 50,
	throttleStatus: 503,
};

export const V1_XML: Wire = { ...V1_JSON, name: 'v1 XML', credentials: (sandbox) => sandboxCredentials(sandbox, { dataFormat: 'xml' }) };

export const V2: Wire = {
	name: 'v2',
	credentials: (sandbox) => sandboxV2Credentials(sandbox),
	path: (path) => `/v2${path}`,
	clientParam: 'client_id',
	firstPage: (status) => `/v2/invoices?page=1&state=${V2_STATES[status]}&per_page=2000`,
	paymentOf: () => ({}),
	issueDateField: 'issue_date',
	// v2 has no past-due state: the node lists open invoices and keeps those due before Harvest's today.
	pastDueList: 'state=open&from=',
	pastDueProbe: /state=open&from=(\d{4}-\d{2}-\d{2})&to=\1/,
	pageSize: 2000,
	throttleStatus: 429,
};

export const WIRES: Wire[] = [V1_JSON, V1_XML, V2];
