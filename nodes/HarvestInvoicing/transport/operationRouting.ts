import type { INodePropertyRouting, PostReceiveAction, PreSendAction } from 'n8n-workflow';

import { harvestRouting, type HarvestRoute } from './routing';

export interface OperationHooks {
	/**
	 * Run before the shared preSend, so they see the body as the fields routed it (a plain
	 * `{ invoice: {...} }` object, not yet encoded as JSON or XML) and can validate or complete it.
	 */
	preSend?: PreSendAction[];
	/** Run after the shared postReceive, on items already decoded, unwrapped and normalized. */
	postReceive?: PostReceiveAction[];
}

/**
 * `harvestRouting` plus an operation's own hooks. Field-level `preSend` hooks run after the
 * operation's (n8n runs them in property order), when the body is already encoded; hooks that
 * build or check the body therefore belong on the operation, placed before the shared encoder.
 */
export function harvestRoutingWithHooks(route: HarvestRoute, hooks: OperationHooks): INodePropertyRouting {
	const routing = harvestRouting(route);
	return {
		...routing,
		send: { ...routing.send, preSend: [...(hooks.preSend ?? []), ...(routing.send?.preSend ?? [])] },
		output: { ...routing.output, postReceive: [...(routing.output?.postReceive ?? []), ...(hooks.postReceive ?? [])] },
	};
}
