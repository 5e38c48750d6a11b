import type { IDataObject } from 'n8n-workflow';

import type { OperationKey, OperationRequest } from '../../nodes/HarvestInvoicing/transport/operationRequest';
import { v1Body } from '../../nodes/HarvestInvoicing/transport/v1/requestBody';
import { TEST_NODE } from './invoice/fakeContext';

/**
 * A routed body (the node's own words, as an operation's hooks leave it) as the classic API gets
 * it: lets the hook tests pin the exact v1 wire records they always pinned.
 */
export async function v1Wire(
	operation: OperationKey,
	body: unknown,
	options: { ids?: OperationRequest['ids']; currentInvoice?: IDataObject } = {},
): Promise<IDataObject> {
	const routed = (body ?? {}) as IDataObject;
	const request = { operation, ids: options.ids ?? {}, ...routed } as OperationRequest;
	const wire = await v1Body(request, { node: TEST_NODE, itemIndex: 0, currentInvoice: async () => options.currentInvoice ?? {} });
	return wire ?? {};
}
