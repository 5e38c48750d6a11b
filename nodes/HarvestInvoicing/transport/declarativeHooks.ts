import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireHarvestId } from '../shared/validation';
import { harvestCredentialType } from './credentialType';
import { type HarvestCall } from './deadline';
import type { DecodedBody } from './decodedBody';
import { dialectOf, type WireRequest } from './dialect';
import { readInvoice } from './invoiceStatus';
import {
	isOperationKey,
	OPERATION_IDS,
	type IdName,
	type InvoiceListFilters,
	type OperationIds,
	type OperationRequest,
	type RecordRoot,
} from './operationRequest';
import { walkInvoiceItems } from './invoiceListWalk';
import { failedItem } from './failedItem';
import { isWrite, recordApplied, recordFailure, refusalOf, waitForTheWholeRun } from './partialRun';
import { harvestBudget } from './rateBudget';
import { harvestApiAddress } from './apiAddress';
import { PAGE_SIZE } from './request';
import { accountDecimalSymbol } from './reads';
import { withHarvestRetries } from './retry';

/** Display names for the IDs, so a bad ID error names the field the user sees. */
const ID_FIELDS: Record<IdName, string> = {
	invoiceId: 'Invoice',
	messageId: 'Message ID',
	paymentId: 'Payment ID',
	categoryId: 'Category',
};

const RECORD_ROOTS: RecordRoot[] = ['invoice', 'message', 'stateChange', 'payment', 'category'];

/** The routed request of this item in the node's own words (operationRequest.ts). */
function operationRequestOf(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): OperationRequest {
	const operation = String(requestOptions.url ?? '');
	if (!isOperationKey(operation)) throw new NodeOperationError(this.getNode(), `Unknown operation ${operation}`);
	const ids: OperationIds = {};
	for (const name of OPERATION_IDS[operation]) {
		const value = this.getNodeParameter(name, undefined, { extractValue: true });
		ids[name] = requireHarvestId(this.getNode(), ID_FIELDS[name], value, this.getItemIndex());
	}
	const request: OperationRequest = { operation, ids };
	const body = (requestOptions.body ?? {}) as IDataObject;
	for (const root of RECORD_ROOTS) {
		const record = body[root];
		if (record !== null && typeof record === 'object') (request as unknown as IDataObject)[root] = record;
	}
	if (operation === 'invoice:getAll') request.filters = (requestOptions.qs ?? {}) as InvoiceListFilters;
	return request;
}

/** What each item's translated request left for its answer: the endpoint asked, a record to pick, what to keep. */
const wireRequests = new WeakMap<object, WireRequest>();

/**
 * preSend for every operation: the node's request (routed and completed by the operation's hooks)
 * in the words of the API the credential speaks, with its headers and encoding. Error statuses
 * are let through so that `decodeHarvestItems` can explain them.
 */
export async function prepareHarvestRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	const request = operationRequestOf.call(this, requestOptions);
	const dialect = dialectOf(credentials);
	const invoiceId = request.ids.invoiceId;
	let current: Promise<IDataObject> | undefined;
	const wire = await dialect.translate(request, {
		node: this.getNode(),
		itemIndex: this.getItemIndex(),
		today: dialect.today(credentials),
		currentInvoice: async () => {
			if (invoiceId === undefined) return {};
			current ??= readInvoice.call(this, invoiceId);
			return await current;
		},
	});
	wireRequests.set(this, wire);
	const http = dialect.httpOptions(credentials, wire);
	return { ...requestOptions, ...http, headers: { ...requestOptions.headers, ...http.headers } };
}

/** Cursor lists: the next page's link of each item's last answer, for the pagination hook to follow. */
const nextLinks = new WeakMap<object, string>();

/** How each item's last answer was paged (v2's `per_page`, `next_page`), for the invoice walk (pageWalk.ts). */
const answeredPaging = new WeakMap<object, Pick<DecodedBody, 'perPage' | 'morePages'>>();

/**
 * The attempt under way for each item's context: the answer is in when the first postReceive
 * runs, so its deadline stops and its budget slot is released there, before any read-back.
 */
const callsUnderWay = new WeakMap<object, HarvestCall>();

/** Runs one routing request of the item behind `context` as a budgeted, deadlined attempt. */
async function routingAttempt(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	method: string,
): Promise<INodeExecutionData[]> {
	const credentials = await context.getCredentials(harvestCredentialType(context));
	const item = Object.getPrototypeOf(context) as IExecuteSingleFunctions;
	try {
		return await retriedRoutingRequest(context, item, requestData, method, credentials);
	} catch (error) {
		throw isWrite(method) ? recordFailure(item, error) : error;
	}
}

async function retriedRoutingRequest(
	context: IExecutePaginationFunctions,
	item: IExecuteSingleFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	method: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeExecutionData[]> {
	return await withHarvestRetries(
		async (call) => {
			callsUnderWay.set(item, call);
			try {
				return await context.makeRoutingRequest(requestData);
			} finally {
				callsUnderWay.delete(item);
			}
		},
		{ node: context.getNode(), method, budget: harvestBudget(credentials), address: harvestApiAddress(credentials) },
	);
}

/** postReceive for every operation: one item per Harvest record, paired with its input item. */
export async function decodeHarvestItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	callsUnderWay.get(this)?.answered();
	const credentials = await this.getCredentials(harvestCredentialType(this));
	const readDecimalSymbol = async () => await accountDecimalSymbol.call(this);
	const { decoded, next } = await dialectOf(credentials).decodeAnswer(
		{ context: this, credentials, readDecimalSymbol },
		response,
		wireRequests.get(this),
	);
	if (next !== undefined) nextLinks.set(this, next);
	else nextLinks.delete(this);
	answeredPaging.set(this, { perPage: decoded.perPage, morePages: decoded.morePages });
	const pairedItem = { item: this.getItemIndex() };
	return decoded.records.map((json) => ({ json, pairedItem }));
}

/** A cursor list (v2's messages, payments, categories): every page, following `links.next`. */
async function followNextLinks(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	first: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const item = Object.getPrototypeOf(context) as IExecuteSingleFunctions;
	const credentials = await context.getCredentials(harvestCredentialType(context));
	const items = first;
	for (let link = nextLinks.get(item); link !== undefined; link = nextLinks.get(item)) {
		nextLinks.delete(item);
		const next = dialectOf(credentials).nextPage(context.getNode(), credentials, link);
		const page = await routingAttempt(context, { ...requestData, options: { ...requestData.options, url: next.path, qs: next.qs } }, 'GET');
		// One push per record: a spread of a whole list can overflow the call stack.
		for (const record of page) items.push(record);
	}
	return items;
}

/**
 * Every request runs through here (as the declarative "pagination" hook, the one hook that owns
 * the whole request/response cycle): throttling is waited out, reads are retried, writes that
 * may have reached Harvest are not.
 */
export async function sendHarvestRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const method = String(requestData.options.method ?? 'GET');
	const item = Object.getPrototypeOf(this) as IExecuteSingleFunctions;
	return await orFailedItem(item, async () => {
		if (isWrite(method)) await waitForTheWholeRun(item);
		const items = await followNextLinks(this, requestData, await routingAttempt(this, requestData, method));
		if (isWrite(method)) recordApplied(item, items);
		return items;
	});
}

/**
 * Under Continue On Fail, a failing item's output is its error item, paired with it (n8n's own
 * error item is not); an item its checks refused is not sent at all.
 */
async function orFailedItem(item: IExecuteSingleFunctions, run: () => Promise<INodeExecutionData[]>): Promise<INodeExecutionData[]> {
	const refused = refusalOf(item);
	if (refused !== undefined) return [failedItem(item.getNode(), refused, item.getItemIndex())];
	if (!item.continueOnFail()) return await run();
	try {
		return await run();
	} catch (error) {
		return [failedItem(item.getNode(), error, item.getItemIndex())];
	}
}

/**
 * The invoice list, walked so that invoices changing during the walk neither repeat nor go missing
 * (see pageWalk.ts), up to the Limit unless Return All. Each page is retried on its own, so a
 * throttle in the middle of Return All loses nothing and repeats nothing.
 */
export async function fetchInvoicePages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const item = Object.getPrototypeOf(this) as IExecuteSingleFunctions;
	return await orFailedItem(item, async () => await walkInvoicePages(this, item, requestData));
}

async function walkInvoicePages(
	context: IExecutePaginationFunctions,
	item: IExecuteSingleFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const credentials = await context.getCredentials(harvestCredentialType(context));
	return await walkInvoiceItems({
		node: context.getNode(),
		credentials,
		wire: wireRequests.get(item),
		limit: returnAll ? Infinity : Number(requestData.maxResults ?? PAGE_SIZE),
		readPage: async (qs) => {
			const records = await routingAttempt(context, { ...requestData, options: { ...requestData.options, qs } }, 'GET');
			return { records, ...answeredPaging.get(item) };
		},
	});
}
