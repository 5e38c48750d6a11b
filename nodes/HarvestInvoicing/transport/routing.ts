import type { IHttpRequestMethods, INodePropertyRouting, PostReceiveAction, PreSendAction } from 'n8n-workflow';

import { checkCredential } from './credentialCheck';
import { decodeHarvestItems, fetchInvoicePages, prepareHarvestRequest } from './declarativeHooks';
import { checkedTogether } from './partialRun';
import { refuseUnsafeText } from './textSafety';

export interface HarvestRoute {
	method: IHttpRequestMethods;
	/** The operation key (`resource:operation`, see operationRequest.ts): each dialect maps it to its endpoint. */
	url: string;
	/** The invoice list is the one paginated endpoint. */
	paginated?: boolean;
}

export interface OperationHooks {
	/**
	 * Run before the shared checks and encoder, so they see the body as the fields routed it (a
	 * plain `{ invoice: {...} }` object, not yet encoded as JSON or XML) and can validate or complete it.
	 * (A field's own `preSend` would run after all of these, on the encoded body: checks belong here.)
	 */
	preSend?: PreSendAction[];
	/** Run after the shared postReceive, on items already decoded, unwrapped and normalized. */
	postReceive?: PostReceiveAction[];
}

/**
 * The routing of one operation option: method and URL, the operation's own hooks and the shared ones.
 * `paginate: true` sends every call through the node's pagination hook (`sendHarvestRequest`),
 * which is where throttling and retries are handled; the invoice list swaps in the page walker.
 */
export function harvestRouting(route: HarvestRoute, hooks: OperationHooks = {}): INodePropertyRouting {
	const preSend = [...(hooks.preSend ?? []), checkCredential, refuseUnsafeText, prepareHarvestRequest];
	return {
		request: { method: route.method, url: route.url },
		// One step, so that a write run knows when each item's checks passed (partialRun.ts).
		send: { paginate: true, preSend: [checkedTogether(preSend)] },
		output: { postReceive: [decodeHarvestItems, ...(hooks.postReceive ?? [])] },
		...(route.paginated ? { operations: { pagination: fetchInvoicePages } } : {}),
	};
}
