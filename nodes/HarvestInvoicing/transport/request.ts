import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import type { DecimalSymbol } from '../shared/numberFormat';
import { apiVersionOf } from './apiVersion';
import { requireUsableCredential } from './credentialCheck';
import { listSpellingOf } from './dialect';
import { decodeHarvestResponse } from './decodeItems';
import type { HarvestHttpResponse } from './errors';
import { encodeHarvestBody } from './v1/encodeBody';
import { decimalSymbolOf, withAccountLineItems, WHO_AM_I_PATH } from './v1/lineItemNumbers';
import { walkInvoiceList } from './pageWalk';
import type { DecodedBody } from './decodedBody';
import { harvestDeadlineMs } from './deadline';
import { harvestBudget } from './rateBudget';
import { harvestApiAddress } from './apiAddress';
import { asNodeError, markRequestMethod, withHarvestRetries } from './retry';
import { v2ListQuery } from './v2/listQuery';
import { keepFilter, v2HarvestRequest } from './v2/send';
import { dataFormatOf, wireHeaders } from './v1/wireFormat';
import { harvestCredentialType } from './credentialType';

export { PAGE_SIZE } from './pageWalk';

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
	const credentials = await this.getCredentials(harvestCredentialType(this));
	requireUsableCredential(this.getNode(), credentials);
	if (apiVersionOf(credentials) === 'v2') return await v2HarvestRequest.call(this, credentials, request);
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
	const decoded = await withHarvestRetries(
		async (call) => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				harvestCredentialType(this),
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
		{ node, method: request.method, budget: harvestBudget(credentials), address: harvestApiAddress(credentials) },
	);
	return await withAccountLineItems(decoded, async () => await accountDecimalSymbol.call(this));
}

/** The account's decimal symbol (who_am_i), for csv-line-items written with decimal commas. */
export async function accountDecimalSymbol(this: HarvestContext): Promise<DecimalSymbol> {
	return decimalSymbolOf(await harvestRequest.call(this, { method: 'GET', path: WHO_AM_I_PATH }));
}

/**
 * Reads the whole invoice list for `qs` (see pageWalk.ts: nothing repeats or goes missing when
 * invoices change during the walk), or until `enough` says to stop. Each page is retried on its
 * own, so a throttle in the middle of a long walk loses nothing.
 */
export async function harvestListAll(
	this: HarvestContext,
	path: string,
	qs: IDataObject = {},
	enough?: (records: IDataObject[]) => boolean,
): Promise<IDataObject[]> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	// The whole answer, not only its records: v2 says there how it paged them (see pageWalk.ts).
	const readPage = async (pageQs: IDataObject) => await harvestRequest.call(this, { method: 'GET', path, qs: pageQs });
	return await walkInvoiceList(readPage, qs, (record) => record, {
		enough,
		spelling: listSpellingOf(credentials),
		keep: apiVersionOf(credentials) === 'v2' && path === '/invoices' ? keepFilter(credentials, v2ListQuery(path, qs).keep) : undefined,
	});
}
