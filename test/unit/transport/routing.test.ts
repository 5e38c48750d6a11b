import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import {
	decodeHarvestItems,
	fetchInvoicePages,
	prepareHarvestRequest,
} from '../../../nodes/HarvestInvoicing/transport/declarativeHooks';
import { checkCredential } from '../../../nodes/HarvestInvoicing/transport/credentialCheck';
import type { CheckedTogether } from '../../../nodes/HarvestInvoicing/transport/partialRun';
import { harvestRouting } from '../../../nodes/HarvestInvoicing/transport/routing';
import { refuseUnsafeText } from '../../../nodes/HarvestInvoicing/transport/textSafety';

// Shared checks made before anything is sent: a usable credential, text XML can carry.
const SHARED_CHECKS = [checkCredential, refuseUnsafeText];

const before = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	return options;
};
const after = async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
	return items;
};

/** The steps run as the single preSend (one step, so a write run knows when an item's checks are done). */
const preSendSteps = (preSend: unknown) => (preSend as CheckedTogether[]).flatMap((step) => step.steps);

describe('harvestRouting', () => {
	it("runs the operation's preSend before the shared encoder and its postReceive after the shared decoder", () => {
		const routing = harvestRouting({ method: 'POST', url: '/invoices' }, { preSend: [before], postReceive: [after] });
		expect(routing.request).toEqual({ method: 'POST', url: '/invoices' });
		expect(routing.send?.paginate).toBe(true);
		expect(preSendSteps(routing.send?.preSend)).toEqual([before, ...SHARED_CHECKS, prepareHarvestRequest]);
		expect(routing.output?.postReceive).toEqual([decodeHarvestItems, after]);
		expect(routing.operations).toBeUndefined();
	});

	it('keeps the page walker of a paginated route and works without hooks', () => {
		const routing = harvestRouting({ method: 'GET', url: '/invoices', paginated: true }, {});
		expect(routing.operations).toEqual({ pagination: fetchInvoicePages });
		expect(preSendSteps(routing.send?.preSend)).toEqual([...SHARED_CHECKS, prepareHarvestRequest]);
		expect(routing.output?.postReceive).toEqual([decodeHarvestItems]);
	});
});
