import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { deletedRecord } from '../../../shared/deletedRecord';

/** postReceive of Category > Delete: Harvest answers with no body; `{ id, deleted: true }`. */
export async function confirmCategoryDeleted(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const json = deletedRecord(this, { id: { parameter: 'categoryId', field: 'Category ID' } });
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
