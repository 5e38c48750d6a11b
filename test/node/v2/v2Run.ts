import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import type { Sandbox } from '../../sandbox';
import { runDeclarativeNode, sandboxV2Credentials } from '../harness';

/** Runs one operation of the real node against the sandbox's v2 API, with a v2 credential. */
export function v2Runner(sandbox: Sandbox) {
	return async (
		resource: string,
		operation: string,
		parameters: INodeParameters,
		options: { items?: INodeExecutionData[]; continueOnFail?: boolean; typeVersion?: number } = {},
	): Promise<INodeExecutionData[]> =>
		await runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { resource, operation, ...parameters },
			credentials: sandboxV2Credentials(sandbox),
			...options,
		});
}

/** Method and path of each request the sandbox received. */
export const calls = (sandbox: Sandbox) => sandbox.requests().map((request) => `${request.method} ${request.path}`);

export const byId = (id: number | string): INodeParameters => ({ __rl: true, mode: 'id', value: String(id) });

/** Method, path, query and body of each request the sandbox received. */
export const received = (sandbox: Sandbox) =>
	sandbox.requests().map(({ method, path, query, body }) => ({ method, path, query, body }));
