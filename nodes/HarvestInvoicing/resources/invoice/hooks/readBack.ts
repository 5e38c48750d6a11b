import { NodeApiError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { readInvoice } from '../../../transport/invoiceStatus';
import { idFromLocation } from '../../../transport/location';
import { readBackAfterWrite } from '../../../transport/readBack';
import { requireHarvestId } from '../../../shared/validation';

/** The invoice an Update was about, for an answer without a usable Location. */
function invoiceIdParameter(this: IExecuteSingleFunctions): string | undefined {
	const value = this.getNodeParameter('invoiceId', '', { extractValue: true });
	return value === '' || value === undefined || value === null ? undefined : String(value);
}

/**
 * postReceive of Invoice > Create and Update: Harvest v1 answers `201`/`200` with a `Location` and no
 * body, so the saved invoice is read back (GET `/invoices/{id}`) and becomes the output item,
 * line items and dashboard link included. A failed read-back still gives a success item with the
 * id and `read_back_error` (see readBackAfterWrite): nothing invites sending it twice.
 */
export async function readBackSavedInvoice(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	// An API that answers with the saved invoice (v2) needs no read-back.
	if (items.length > 0 && items[0].json.id !== undefined) return items;
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	const located = idFromLocation(response.headers) ?? invoiceIdParameter.call(this);
	if (located === undefined) {
		throw new NodeApiError(node, { message: 'No Location header' } as JsonObject, {
			httpCode: String(response.statusCode),
			message: 'Harvest saved the invoice but did not say which one it is (no Location header)',
			description: 'The request was not sent again. Look for the new invoice in Harvest (or with Invoice > Get Many) before running Create again.',
			itemIndex,
		});
	}
	const id = requireHarvestId(node, 'Invoice', located, itemIndex);
	return await readBackAfterWrite(`saved invoice ${id}`, itemIndex, { id: Number(id) }, async () => await readInvoice.call(this, id));
}
