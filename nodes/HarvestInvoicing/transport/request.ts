import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { decodeHarvestResponse } from './decodeItems';
import type { HarvestHttpResponse } from './errors';
import { encodeHarvestBody } from './encodeBody';
import type { DecodedBody } from './records';
import { harvestDeadlineMs } from './deadline';
import { harvestBudget } from './rateBudget';
import { asNodeError, markRequestMethod, withHarvestRetries } from './retry';
import { dataFormatOf, wireHeaders } from './wireFormat';

export const CREDENTIAL_NAME = 'harvestInvoicingApi';
export const PAGE_SIZE = 50;

type HarvestContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface HarvestRequest {
	method: IHttpRequestMethods;
	/** Path below the account, e.g. `/invoices`; ids in it must already be validated. */
	path: string;
	qs?: IDataObject;
	/** Request record with snake_case keys, sent wrapped in `root`. */
	body?: IDataObject;
	root?: string;
}

/**
 * The programmatic way to talk to Harvest (trigger, dropdowns, read-backs): same codec, error
 * mapping and retry rules as the declarative operations.
 */
export async function harvestRequest(this: HarvestContext, request: HarvestRequest): Promise<DecodedBody> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const format = dataFormatOf(credentials);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		qs: request.qs,
		headers: wireHeaders(format),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: harvestDeadlineMs(),
	};
	if (request.body !== undefined) {
		options.body = encodeHarvestBody(format, { [request.root ?? 'record']: request.body });
	}
	const node = this.getNode();
	return await withHarvestRetries(
		async (call) => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_NAME,
				{ ...options, qs: options.qs ? { ...options.qs } : undefined },
			)) as HarvestHttpResponse;
			call.answered();
			try {
				return decodeHarvestResponse(node, credentials, response);
			} catch (error) {
				// Tells a surrounding write's retry loop that this failure belongs to this request
				// (e.g. a read-back GET), not to the write: its throttle is no reason to re-send the write.
				const failure = asNodeError(node, error);
				markRequestMethod(failure, request.method);
				throw failure;
			}
		},
		{ node, method: request.method, budget: harvestBudget(credentials) },
	);
}

/**
 * Reads a list page by page (50 a page) until a short page, or until `enough` says to stop.
 * Each page is retried on its own, so a throttle in the middle of a long walk loses nothing.
 */
export async function harvestListAll(
	this: HarvestContext,
	path: string,
	qs: IDataObject = {},
	enough: (records: IDataObject[]) => boolean = () => false,
): Promise<IDataObject[]> {
	const records: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const decoded = await harvestRequest.call(this, { method: 'GET', path, qs: { ...qs, page } });
		records.push(...decoded.records);
		if (decoded.records.length < PAGE_SIZE || enough(records)) return records;
	}
}
