import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { idFromLocation } from '../../../transport/location';
import { idParameter } from '../../../transport/idParameter';
import { readBackAfterWrite } from '../../../transport/readBack';
import { harvestRead } from '../../../transport/reads';

/**
 * The category as Category > Get Many shows it. Harvest documents no GET of one category, so it
 * is found in the list (a handful of records).
 */
async function readCategory(context: IExecuteSingleFunctions, categoryId: string): Promise<IDataObject> {
	const { records } = await harvestRead.call(context, { read: 'categories' });
	const category = records.find((record) => String(record.id) === categoryId);
	if (!category) throw new Error(`Category ${categoryId} is not in Harvest's list of categories`);
	return category;
}

/** postReceive of Category > Create: Harvest answers `201` with a `Location` only. */
export async function readBackCreatedCategory(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (items.length > 0) return items;
	const categoryId = idFromLocation(response.headers);
	const known = categoryId === undefined ? {} : { id: Number(categoryId) };
	return await readBackAfterWrite('created the category', this.getItemIndex(), known, async () => {
		if (categoryId === undefined) throw new Error('Harvest did not say where the new category is (no Location)');
		return await readCategory(this, categoryId);
	});
}

/** postReceive of Category > Update: Harvest answers `200` with no body. */
export async function readBackUpdatedCategory(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	_response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (items.length > 0) return items;
	const categoryId = idParameter(this, 'categoryId', 'Category ID');
	return await readBackAfterWrite('updated the category', this.getItemIndex(), { id: Number(categoryId) }, async () =>
		await readCategory(this, categoryId),
	);
}
