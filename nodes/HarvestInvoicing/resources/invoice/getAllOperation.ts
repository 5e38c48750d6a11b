import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';

import { failedItem } from '../../transport/failedItem';
import { invoiceFieldsOf } from '../../transport/invoiceFields';
import { readInvoiceList } from '../../transport/invoiceListRead';
import { PAGE_SIZE } from '../../transport/pageWalk';
import { invoiceGetManyDescription } from './getAll';
import { invoiceListFilters } from './hooks/listFilters';
import { simplifyInvoice } from './hooks/simplify';

/** Each Filters option and the query name its routing sends it under, read from the description itself. */
const FILTER_QUERY_NAMES: Array<[string, string]> = (
	invoiceGetManyDescription.find((property) => property.name === 'filters')?.options as INodeProperties[] | undefined ?? []
).map((option) => [option.name, String(option.routing?.send?.property ?? option.name)]);

/** The Filters of one item as n8n's routing would put them into the query. */
function routedFilters(filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const [name, queryName] of FILTER_QUERY_NAMES) if (filters[name] !== undefined) qs[queryName] = filters[name];
	return qs;
}

/** Get Many of one input item: the walk (transport), then Simplify on the records it returned. */
async function invoicesOfItem(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = invoiceListFilters(this.getNode(), itemIndex, routedFilters(this.getNodeParameter('filters', itemIndex, {}) as IDataObject));
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', itemIndex, PAGE_SIZE));
	const items = await readInvoiceList.call(this, itemIndex, filters, limit);
	// Simplify cuts each item after the walk: the walk reads issue dates and states the short form drops.
	if (this.getNodeParameter('simple', itemIndex, false) !== true) return items;
	const fields = await invoiceFieldsOf(this);
	for (const item of items) item.json = simplifyInvoice(item.json, fields);
	return items;
}

/**
 * Invoice > Get Many as the node's own operation (n8n's `customOperations`), instead of n8n's
 * routing, whose `push(...list)` of one item's results overflows the call stack past about 125,000
 * invoices (issue 10). Items, requests and failures are those of the routed operation, which stays
 * in the description for an n8n too old to know `customOperations`: every item's list is read at
 * once, failures are reported in item order, and with Continue On Fail a failed item becomes
 * its error item, paired with it, as the routed operations give (transport/failedItem.ts).
 */
export async function executeInvoiceGetMany(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const inputs = this.getInputData();
	const lists = await Promise.allSettled(inputs.map(async (_item, itemIndex) => await invoicesOfItem.call(this, itemIndex)));
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, list] of lists.entries()) {
		if (list.status === 'rejected') {
			const error = list.reason as Error & { description?: string; context?: IDataObject };
			if (this.continueOnFail()) {
				output.push(failedItem(this.getNode(), error, itemIndex));
				continue;
			}
			if (error instanceof NodeApiError) {
				error.context = { ...error.context, itemIndex };
				throw error;
			}
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject, {
				itemIndex,
				message: error?.message,
				description: error?.description,
				httpCode: 'none',
			});
		}
		// One push per item: a spread of a whole list can overflow the call stack.
		for (const item of list.value) output.push(item);
	}
	return [output];
}
