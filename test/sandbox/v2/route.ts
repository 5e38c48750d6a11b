import type { SandboxContext } from '../context';
import type { Router } from '../router';

/** A v2 request as its route sees it: JSON body as sent (keys untouched), query and the sandbox's own origin for links. */
export interface V2Request {
	params: Record<string, string>;
	query: URLSearchParams;
	body: Record<string, unknown>;
	sandbox: SandboxContext;
	/** e.g. http://127.0.0.1:43123, for the absolute `links` of list answers. */
	origin: string;
	/** The canonical path requested (`/v2/invoices`), for those links. */
	path: string;
}

/** v2 answers are JSON only: the value to write, none for an empty body (DELETE). */
export interface V2Reply {
	status: number;
	json?: unknown;
}

export type V2Handler = (request: V2Request) => V2Reply;
export type V2Router = Router<V2Handler>;

/** Invoice, message, payment and category routes refuse when the account has no invoicing. */
export const INVOICES_MODULE = { needsInvoicesModule: true };
