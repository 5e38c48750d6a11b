import type { ParsedBody } from './wire/body';
import type { WireDocument } from './wire/document';
import type { SandboxContext } from './context';

export interface RouteRequest {
	params: Record<string, string>;
	query: URLSearchParams;
	body: ParsedBody;
	sandbox: SandboxContext;
}

/** A route's answer; the server writes it as JSON or XML. No document means an empty body. */
export interface Reply {
	status: number;
	document?: WireDocument;
	/** Harvest's `Location` header on create and update. */
	location?: string;
}

export type RouteHandler = (request: RouteRequest) => Reply;

interface Route<THandler> {
	method: string;
	segments: string[];
	handler: THandler;
	/** Invoice, message, payment and category routes answer 404 when the invoices module is off. */
	needsInvoicesModule: boolean;
}

export interface RouteMatch<THandler = RouteHandler> {
	handler: THandler;
	params: Record<string, string>;
	needsInvoicesModule: boolean;
}

/**
 * The seeds spell the same resource several ways: `/invoice/1/payments`, `/invoices/1/payment/2`,
 * `/invoices/1/message/2`, and once `/invoices/1/payments2` (a typo in the docs that clients may have
 * copied). All of them reach one canonical path, which is also what fault rules are matched against.
 */
export function canonicalPath(path: string): string {
	const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
	return trimmed
		.replace(/^\/invoice(?=\/|$)/, '/invoices')
		.replace(/^(\/invoices\/[^/]+)\/payment(?=\/|$)/, '$1/payments')
		.replace(/^(\/invoices\/[^/]+)\/message(?=\/|$)/, '$1/messages')
		.replace(/^(\/invoices\/[^/]+\/payments)(\d+)$/, '$1/$2');
}

/** Matches `/invoices/:id/payments/:paymentId` patterns against canonical paths; v2 routes use their own handler type. */
export class Router<THandler = RouteHandler> {
	private readonly routes: Route<THandler>[] = [];

	add(method: string, pattern: string, handler: THandler, options: { needsInvoicesModule?: boolean } = {}): void {
		this.routes.push({ method, segments: pattern.split('/'), handler, needsInvoicesModule: options.needsInvoicesModule ?? false });
	}

	match(method: string, path: string): RouteMatch<THandler> | undefined {
		const segments = path.split('/');
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const params = matchSegments(route.segments, segments);
			if (params) return { handler: route.handler, params, needsInvoicesModule: route.needsInvoicesModule };
		}
		return undefined;
	}
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
	if (pattern.length !== actual.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < pattern.length; index++) {
		if (pattern[index].startsWith(':')) params[pattern[index].slice(1)] = safeDecode(actual[index]);
		else if (pattern[index] !== actual[index]) return undefined;
	}
	return params;
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
