import type { INodeProperties } from 'n8n-workflow';

/**
 * Return All and Limit for a Get Many operation. Harvest answers messages, payments and
 * categories in one unpaginated list, so Limit only cuts the list (RoutingNode's maxResults).
 */
export function getManyFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			routing: { output: { maxResults: '={{$value}}' } },
			description: 'Max number of results to return',
		},
	];
}
