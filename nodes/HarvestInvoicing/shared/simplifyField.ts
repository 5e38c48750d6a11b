import type { INodeProperties } from 'n8n-workflow';

/**
 * Simplify for Invoice > Get and Get Many. n8n's convention (and its linter) wants it on by
 * default, which is right for a new node; this node already has saved workflows, and n8n fills a
 * missing parameter with its default when it loads one, so `true` would cut down their output
 * without a word. n8n itself turns such a default on only with a new node version; until this
 * node has a version 2, it stays off.
 */
export function simplifyField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		displayOptions: { show },
		// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-simplify -- saved workflows keep full output (see above)
		default: false,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: 'ID, number, client, amounts, currency code, state, issue and due dates, last change and the client link',
	};
}
