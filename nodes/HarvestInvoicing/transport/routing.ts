import type { IHttpRequestMethods, INodePropertyRouting } from 'n8n-workflow';

import { checkCredential } from './credentialCheck';
import { decodeHarvestItems, fetchInvoicePages, prepareHarvestRequest } from './declarativeHooks';
import { refuseUnsafeText } from './textSafety';

export interface HarvestRoute {
	method: IHttpRequestMethods;
	/** The operation key (`resource:operation`, see operationRequest.ts): each dialect maps it to its endpoint. */
	url: string;
	/** The invoice list is the one paginated endpoint. */
	paginated?: boolean;
}

/**
 * The routing of one operation option: method and URL, plus the shared request/response hooks.
 * `paginate: true` sends every call through the node's pagination hook (`sendHarvestRequest`),
 * which is where throttling and retries are handled; the invoice list swaps in the page walker.
 */
export function harvestRouting(route: HarvestRoute): INodePropertyRouting {
	return {
		request: { method: route.method, url: route.url },
		send: { paginate: true, preSend: [checkCredential, refuseUnsafeText, prepareHarvestRequest] },
		output: { postReceive: [decodeHarvestItems] },
		...(route.paginated ? { operations: { pagination: fetchInvoicePages } } : {}),
	};
}
