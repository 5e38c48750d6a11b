import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import {
	decodeHarvestItems,
	fetchInvoicePages,
	prepareHarvestRequest,
} from '../../../nodes/HarvestInvoicing/transport/declarativeHooks';
import { checkCredential } from '../../../nodes/HarvestInvoicing/transport/credentialCheck';
import { harvestRoutingWithHooks } from '../../../nodes/HarvestInvoicing/transport/operationRouting';
import { refuseUnsafeText } from '../../../nodes/HarvestInvoicing/transport/textSafety';

// Shared checks made before anything is sent: a usable credential, text XML can carry.
const SHARED_CHECKS = [checkCredential, refuseUnsafeText];

const before = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	return options;
};
const after = async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
	return items;
};

describe('harvestRoutingWithHooks', () => {
	it("runs the operation's preSend before the shared encoder and its postReceive after the shared decoder", () => {
		const routing = harvestRoutingWithHooks({ method: 'POST', url: '/invoices' }, { preSend: [before], postReceive: [after] });
		expect(routing.request).toEqual({ method: 'POST', url: '/invoices' });
		expect(routing.send?.paginate).toBe(true);
		expect(routing.send?.preSend).toEqual([before, ...SHARED_CHECKS, prepareHarvestRequest]);
		expect(routing.output?.postReceive).toEqual([decodeHarvestItems, after]);
		expect(routing.operations).toBeUndefined();
	});

	it('keeps the page walker of a paginated route and works without hooks', () => {
		const routing = harvestRoutingWithHooks({ method: 'GET', url: '/invoices', paginated: true }, {});
		expect(routing.operations).toEqual({ pagination: fetchInvoicePages });
		expect(routing.send?.preSend).toEqual([...SHARED_CHECKS, prepareHarvestRequest]);
		expect(routing.output?.postReceive).toEqual([decodeHarvestItems]);
	});
});
