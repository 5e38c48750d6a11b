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
import { apiVersionOf } from './apiVersion';
import { listSpellingOf } from './dialect';
import { decodeHarvestResponse } from './decodeItems';
import { encodeHarvestBody } from './v1/encodeBody';
import { harvestDeadlineMs, type HarvestCall } from './deadline';
import { withAccountLineItems } from './v1/lineItemNumbers';
import { walkInvoiceList } from './pageWalk';
import { noteOtherItems } from './partialRun';
import { harvestBudget } from './rateBudget';
import { PAGE_SIZE, accountDecimalSymbol } from './request';
import { withHarvestRetries } from './retry';
import { v2OAuth2Options, v2Request, type V2Request } from './v2';
import { nextPagePath } from './v2/nextPage';
import { pickedRecord } from './v2/finish';
import { todayUtc, v2InvoiceKeep, V2_WIRE_HEADERS, withV2Extras } from './v2/send';
import { v2ListQuery } from './v2/listQuery';
import { noteServerDate } from './v2/serverClock';
import { readInvoice } from './invoiceStatus';
import { dataFormatOf, wireHeaders } from './v1/wireFormat';
import { harvestCredentialType, isOAuth2Credential } from './credentialType';

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
	const credentials = await this.getCredentials(harvestCredentialType(this));
	const format = dataFormatOf(credentials);
	const node = this.getNode();
	const url = String(requestOptions.url ?? '').replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = this.getNodeParameter(name, undefined, { extractValue: true });
		return requireHarvestId(node, PATH_FIELDS[name] ?? name, value, this.getItemIndex());
	});
	const body = requestOptions.body as IDataObject | undefined;
	const hasBody = body !== undefined && typeof body === 'object' && Object.keys(body).length > 0;
	if (apiVersionOf(credentials) === 'v2') return await prepareV2Request.call(this, credentials, requestOptions, url, hasBody ? body : undefined);
	return {
		...requestOptions,
		url,
		headers: { ...requestOptions.headers, ...wireHeaders(format) },
		body: hasBody ? encodeHarvestBody(format, body) : undefined,
		ignoreHttpStatusErrors: true,
		timeout: harvestDeadlineMs(),
	};
}

/** What the v2 translation of each item's request left for its answer: the path asked, a record to pick. */
const v2Requests = new WeakMap<object, V2Request & { neutralPath: string; neutralQs: IDataObject }>();

async function prepareV2Request(
	this: IExecuteSingleFunctions,
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	path: string,
	body: IDataObject | undefined,
): Promise<IHttpRequestOptions> {
	const invoiceId = /^\/invoices\/(\d+)/.exec(path)?.[1];
	const neutralQs = (requestOptions.qs ?? {}) as IDataObject;
	const wire = await v2Request(
		{ method: requestOptions.method ?? 'GET', path, qs: neutralQs, body },
		{ today: todayUtc(), currentInvoice: invoiceId ? async () => await readInvoice.call(this, invoiceId) : undefined },
	);
	v2Requests.set(this, { ...wire, neutralPath: path, neutralQs });
	const oauth2 = isOAuth2Credential(credentials) ? v2OAuth2Options(credentials) : undefined;
	return {
		...requestOptions,
		...oauth2,
		method: wire.method,
		url: wire.path,
		qs: wire.qs,
		headers: { ...requestOptions.headers, ...V2_WIRE_HEADERS, ...oauth2?.headers },
		body: wire.body,
		json: true,
		ignoreHttpStatusErrors: true,
		timeout: harvestDeadlineMs(),
	};
}

/** v2 lists: the next page's link of each item's last answer, for the pagination hook to follow. */
const nextLinks = new WeakMap<object, string>();

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
	const credentials = await this.getCredentials(harvestCredentialType(this));
	if (apiVersionOf(credentials) === 'v2') return await decodeV2Items.call(this, credentials, response);
	// An invoice whose line items use decimal commas is read in the account's number format.
	const decoded = await withAccountLineItems(
		decodeHarvestResponse(this.getNode(), credentials, response),
		async () => await accountDecimalSymbol.call(this),
	);
	const pairedItem = { item: this.getItemIndex() };
	return decoded.records.map((json) => ({ json, pairedItem }));
}

async function decodeV2Items(
	this: IExecuteSingleFunctions,
	credentials: ICredentialDataDecryptedObject,
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const wire = v2Requests.get(this);
	noteServerDate(credentials, response.headers);
	let decoded = decodeHarvestResponse(this.getNode(), credentials, response, wire?.path ?? '');
	if (decoded.next !== undefined && wire?.path !== '/v2/invoices') nextLinks.set(this, decoded.next);
	else nextLinks.delete(this);
	if (wire?.pick) decoded = pickedRecord(this.getNode(), decoded, wire.pick);
	decoded = await withV2Extras.call(this, credentials, decoded);
	const pairedItem = { item: this.getItemIndex() };
	return decoded.records.map((json) => ({ json, pairedItem }));
}

/** A v2 cursor list (messages, payments, categories): every page, following `links.next`. */
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
		const next = nextPagePath(context.getNode(), credentials, link);
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
	const items = await routingAttempt(this, requestData, String(requestData.options.method ?? 'GET'));
	return await followNextLinks(this, requestData, items);
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
	const credentials = await this.getCredentials(harvestCredentialType(this));
	const v2 = apiVersionOf(credentials) === 'v2';
	const item = Object.getPrototypeOf(this) as IExecuteSingleFunctions;
	const neutralQs = v2Requests.get(item)?.neutralQs ?? {};
	// The walk adds `to`, `page` and `updated_since` in the node's words; v2 spells them its own way.
	const wireQs = (qs: IDataObject) => (v2 ? v2ListQuery('/v2/invoices', qs).qs : qs);
	const readPage = async (qs: IDataObject) =>
		await routingAttempt(this, { ...requestData, options: { ...requestData.options, qs: wireQs(qs) } }, 'GET');
	const unsettled = (message: string) =>
		new NodeOperationError(node, message, {
			description: 'Invoices were being created or deleted faster than they could be read. Try again in a moment.',
		});
	const keep = v2 ? v2InvoiceKeep(credentials, '/invoices', neutralQs) : undefined;
	return await walkInvoiceList(readPage, v2 ? neutralQs : (requestData.options.qs ?? {}), (entry) => entry.json, {
		limit,
		unsettled,
		spelling: listSpellingOf(credentials),
		keep,
	});
}
