import type { IDataObject, IExecuteSingleFunctions, INode } from 'n8n-workflow';

export const TEST_NODE: INode = {
	id: 'test-node',
	name: 'Harvest Invoicing',
	type: 'n8n-nodes-harvest-invoicing.harvestInvoicing',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A resource-locator value as n8n stores it; the fake extracts `.value` like n8n does. */
export const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });

function valueAt(parameters: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], parameters);
}

export interface FakeContextOptions {
	parameters?: IDataObject;
	itemIndex?: number;
	timezone?: string;
	/** Answers for `helpers.httpRequestWithAuthentication`, by `METHOD path`. */
	answers?: Record<string, { statusCode: number; headers?: IDataObject; body: unknown }>;
	dataFormat?: 'json' | 'xml';
}

/**
 * Just enough of n8n's IExecuteSingleFunctions for one hook: parameters by path (with
 * extractValue for resource locators), the item index, the time zone, the credential and a
 * recorded fake HTTP helper.
 */
export function fakeSingleContext(options: FakeContextOptions = {}) {
	const calls: IDataObject[] = [];
	const context = {
		getNode: () => TEST_NODE,
		getItemIndex: () => options.itemIndex ?? 0,
		getTimezone: () => options.timezone ?? 'UTC',
		getNodeParameter: (name: string, fallback?: unknown, extra?: { extractValue?: boolean }) => {
			const value = valueAt(options.parameters ?? {}, name);
			if (value === undefined) {
				if (fallback === undefined) throw new Error(`Could not get parameter ${name}`);
				return fallback;
			}
			if (extra?.extractValue && typeof value === 'object' && value !== null && '__rl' in value) {
				return (value as IDataObject).value;
			}
			return value;
		},
		getCredentials: async () => ({ subdomain: 'acme', authentication: 'accessToken', accessToken: 'secret', dataFormat: options.dataFormat ?? 'json' }),
		helpers: {
			httpRequestWithAuthentication: async (_credential: string, request: IDataObject) => {
				calls.push(request);
				const answer = options.answers?.[`${String(request.method)} ${String(request.url)}`];
				if (!answer) throw new Error(`unexpected request ${String(request.method)} ${String(request.url)}`);
				return { headers: {}, ...answer };
			},
		},
	};
	return { context: context as unknown as IExecuteSingleFunctions, calls };
}
