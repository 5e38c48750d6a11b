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
import { decodeHarvestResponse } from './decodeItems';
import { encodeHarvestBody } from './encodeBody';
import { harvestDeadlineMs, type HarvestCall } from './deadline';
import { withAccountLineItems } from './lineItemNumbers';
import { walkInvoiceList } from './pageWalk';
import { noteOtherItems } from './partialRun';
import { harvestBudget } from './rateBudget';
import { CREDENTIAL_NAME, PAGE_SIZE, accountDecimalSymbol } from './request';
import { withHarvestRetries } from './retry';
import { dataFormatOf, wireHeaders } from './wireFormat';

/** Display names for path parameters, so a bad ID error names the field the user sees. */
const PATH_FIELDS: Record<string, string> = {
	invoiceId: 'Invoice',
	messageId: 'Message ID',
	paymentId: 'Payment ID',
	categoryId: 'Category',
};

/**
 * preSend for every operation: fills `{invoiceId}`-style placeholders in the URL with validated
 * IDs, sets Harvest's Accept/Content-Type pair, and encodes the body in the credential's format.
 * Error statuses are let through so that `decodeHarvestItems` can explain them.
 */
export async function prepareHarvestRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const format = dataFormatOf(credentials);
	const node = this.getNode();
	const url = String(requestOptions.url ?? '').replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = this.getNodeParameter(name, undefined, { extractValue: true });
		return requireHarvestId(node, PATH_FIELDS[name] ?? name, value, this.getItemIndex());
	});
	const body = requestOptions.body as IDataObject | undefined;
	const hasBody = body !== undefined && typeof body === 'object' && Object.keys(body).length > 0;
	return {
		...requestOptions,
		url,
		headers: { ...requestOptions.headers, ...wireHeaders(format) },
		body: hasBody ? encodeHarvestBody(format, body) : undefined,
		ignoreHttpStatusErrors: true,
		timeout: harvestDeadlineMs(),
	};
}

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
	const credentials = await context.getCredentials(CREDENTIAL_NAME);
	const item = Object.getPrototypeOf(context) as IExecuteSingleFunctions;
	try {
		return await retriedRoutingRequest(context, item, requestData, method, credentials);
	} catch (error) {
		throw noteOtherItems(item, method, error);
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
		{ node: context.getNode(), method, budget: harvestBudget(credentials) },
	);
}

/** postReceive for every operation: one item per Harvest record, paired with its input item. */
export async function decodeHarvestItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	callsUnderWay.get(this)?.answered();
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	// An invoice whose line items use decimal commas is read in the account's number format.
	const decoded = await withAccountLineItems(
		decodeHarvestResponse(this.getNode(), credentials, response),
		async () => await accountDecimalSymbol.call(this),
	);
	const pairedItem = { item: this.getItemIndex() };
	return decoded.records.map((json) => ({ json, pairedItem }));
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
	return await routingAttempt(this, requestData, String(requestData.options.method ?? 'GET'));
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
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Number(requestData.maxResults ?? PAGE_SIZE);
	const node = this.getNode();
	const readPage = async (qs: IDataObject) =>
		await routingAttempt(this, { ...requestData, options: { ...requestData.options, qs } }, 'GET');
	const unsettled = (message: string) =>
		new NodeOperationError(node, message, {
			description: 'Invoices were being created or deleted faster than they could be read. Try again in a moment.',
		});
	return await walkInvoiceList(readPage, requestData.options.qs ?? {}, (item) => item.json, { limit, unsettled });
}
