import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';

/**
 * Just enough of n8n's per-item context for one hook: parameters of the current item, the node,
 * the credential, and an HTTP helper answered from a table keyed "METHOD /path". Every request
 * the hook makes is recorded, so a test can say exactly what reached "Harvest".
 */
export const NODE: INode = {
	id: 'node-under-test',
	name: 'Harvest Invoicing',
	type: 'n8n-nodes-harvest-invoicing.harvestInvoicing',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface FakeOptions {
	parameters?: IDataObject;
	itemIndex?: number;
	dataFormat?: 'json' | 'xml';
	answers?: Record<string, IN8nHttpFullResponse>;
}

/** A Harvest answer as n8n hands it to hooks (the body already parsed when it was JSON). */
export function answer(statusCode: number, body: unknown = '', headers: IDataObject = {}): IN8nHttpFullResponse {
	return { statusCode, body: body as IN8nHttpFullResponse['body'], headers };
}

export function fakeContext(options: FakeOptions = {}) {
	const { parameters = {}, itemIndex = 0, dataFormat = 'json', answers = {} } = options;
	const requests: string[] = [];
	const context = {
		getNode: () => NODE,
		getItemIndex: () => itemIndex,
		// No execution: nothing is cached across fake items.
		getExecutionId: () => undefined,
		getNodeParameter: (name: string, fallback?: unknown, settings?: { extractValue?: boolean }) => {
			const value = parameters[name];
			if (value === undefined) {
				if (fallback !== undefined) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			const isLocator = typeof value === 'object' && value !== null && '__rl' in value;
			return settings?.extractValue && isLocator ? (value as IDataObject).value : value;
		},
		getCredentials: async () => ({ subdomain: 'acme', authentication: 'accessToken', accessToken: 'secret', dataFormat }),
		helpers: {
			httpRequestWithAuthentication: async (_credential: string, request: IHttpRequestOptions) => {
				const key = `${request.method} ${request.url}`;
				requests.push(key);
				const response = answers[key];
				if (!response) throw Object.assign(new Error(`No answer for ${key}`), { httpCode: '599' });
				return response;
			},
		},
	} as unknown as IExecuteSingleFunctions;
	return { context, requests };
}

/** A resource locator value in "By ID" mode. */
export const locator = (id: string) => ({ __rl: true, mode: 'id', value: id });

export function requestWithBody(body: IDataObject): IHttpRequestOptions {
	return { url: '/anything', method: 'POST', body };
}
