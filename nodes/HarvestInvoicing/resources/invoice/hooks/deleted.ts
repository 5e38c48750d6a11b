import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { deletedRecord } from '../../../shared/deletedRecord';

/**
 * postReceive of Invoice > Delete: Harvest answers `200` with no body; the output says what was
 * deleted (`{ id, deleted: true }`), one item per input item, so the workflow can go on from it.
 */
export async function reportDeletedInvoice(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const json = deletedRecord(this, { id: { parameter: 'invoiceId', field: 'Invoice' } });
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
