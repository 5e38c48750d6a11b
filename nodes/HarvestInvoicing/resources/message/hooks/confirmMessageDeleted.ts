import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { deletedRecord } from '../../../shared/deletedRecord';

/**
 * postReceive of Message > Delete: Harvest answers with no body and the invoice's state does not
 * change, so the item names what was deleted: `{ id, invoice_id, deleted: true }`.
 */
export async function confirmMessageDeleted(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const json = deletedRecord(this, {
		id: { parameter: 'messageId', field: 'Message ID' },
		invoice_id: { parameter: 'invoiceId', field: 'Invoice' },
	});
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
