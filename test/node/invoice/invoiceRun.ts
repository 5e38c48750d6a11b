import type { INodeExecutionData } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import type { LoggedRequest, Sandbox } from '../../sandbox';
import { runDeclarativeNode } from '../harness';
import type { Wire } from '../wires';

export { EACH_V1_WIRE, EACH_WIRE, V1_JSON, V1_XML, V2, type Wire } from '../wires';

/** Runs one Invoice operation of the real node against the sandbox. */
export async function runInvoice(
	sandbox: Sandbox,
	wire: Wire,
	operation: string,
	parameters: Record<string, unknown>,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; typeVersion?: number } = {},
): Promise<INodeExecutionData[]> {
	return await runDeclarativeNode(new HarvestInvoicing(), {
		parameters: { resource: 'invoice', operation, ...parameters } as never,
		credentials: wire.credentials(sandbox),
		...options,
	});
}

/** The invoice picker's "By ID" mode, as n8n stores it. */
export const byId = (id: number | string) => ({ __rl: true, mode: 'id', value: String(id) });

/**
 * What the sandbox received, without the noise: method, path, query and body. Leaves out v2's
 * `/v2/company` read, made once per account and kept (test/node/v2/lifecycle.test.ts checks it).
 */
export const received = (requests: LoggedRequest[]) =>
	requests
		.filter((request) => request.path !== '/v2/company')
		.map(({ method, path, query, body }) => ({ method, path, query, body }));
