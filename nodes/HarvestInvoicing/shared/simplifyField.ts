import type { INodeProperties } from 'n8n-workflow';

/**
 * Simplify for Invoice > Get and Get Many, on by default as n8n's convention wants. It exists from
 * node version 2 on: n8n fills a missing parameter with its default when it loads a workflow, so
 * giving version 1 a Simplify that is on would cut down the output of every workflow saved before
 * it without a word. Version 1 nodes keep their full output (a hidden parameter reads as unset).
 */
export function simplifyField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		displayOptions: { show: { ...show, '@version': [{ _cnd: { gte: 2 } }] } },
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: 'ID, number, client, amounts, currency code, state, issue and due dates, last change and the client link',
	};
}
