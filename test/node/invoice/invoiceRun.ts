import type { INodeExecutionData } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import type { LoggedRequest, Sandbox } from '../../sandbox';
import { runDeclarativeNode, sandboxCredentials } from '../harness';

export type DataFormat = 'json' | 'xml';
export const DATA_FORMATS: DataFormat[] = ['json', 'xml'];

/** Runs one Invoice operation of the real node against the sandbox. */
export async function runInvoice(
	sandbox: Sandbox,
	dataFormat: DataFormat,
	operation: string,
	parameters: Record<string, unknown>,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; typeVersion?: number } = {},
): Promise<INodeExecutionData[]> {
	return await runDeclarativeNode(new HarvestInvoicing(), {
		parameters: { resource: 'invoice', operation, ...parameters } as never,
		credentials: sandboxCredentials(sandbox, { dataFormat }),
		...options,
	});
}

/** The invoice picker's "By ID" mode, as n8n stores it. */
export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

/** What the sandbox received, without the noise: method, path, query and body. */
export const received = (requests: LoggedRequest[]) =>
	requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
