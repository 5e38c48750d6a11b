import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { harvestDeadlineMs } from '../deadline';
import { decodeHarvestResponse } from '../decodeItems';
import { V1_ERRORS } from './errors';
import { V1_INVOICE_FIELDS } from './invoiceFields';
import { v1AccountIdentity, v1CheckCredential, v1WebAddress } from './account';
import { v1BodyFormatName, v1DecodeBody, v1RecordExtras } from './answers';
import { harvestBaseUrl } from './connection';
import { v1DecimalSymbol, v1Read } from './send';
import type { AnswerContext, DecodedAnswer, HarvestDialect, TranslationContext, WireRequest } from '../dialect';
import type { OperationRequest } from '../operationRequest';
import { encodeHarvestBody } from './encodeBody';
import { withAccountLineItems } from './lineItemNumbers';
import { serverToday } from '../serverClock';
import { V1_LIST } from './listSpelling';
import { v1ListQuery } from './listQuery';
import { v1Route } from './operationPaths';
import { v1Body } from './requestBody';
import { dataFormatOf, wireHeaders } from './wireFormat';
import { v1InvoiceView } from './invoiceView';
import { v1WatchQuery } from './watchQuery';

async function translate(request: OperationRequest, context: TranslationContext): Promise<WireRequest> {
	const { method, path } = v1Route(request.operation, request.ids);
	const qs = request.operation === 'invoice:getAll' ? v1ListQuery(request.filters) : undefined;
	const body = await v1Body(request, context);
	return { method, path, qs, body: body && Object.keys(body).length > 0 ? body : undefined };
}

function httpOptions(credentials: ICredentialDataDecryptedObject, wire: WireRequest): IHttpRequestOptions {
	const format = dataFormatOf(credentials);
	return {
		method: wire.method,
		url: wire.path,
		qs: wire.qs,
		headers: wireHeaders(format),
		body: wire.body === undefined ? undefined : encodeHarvestBody(format, wire.body),
		ignoreHttpStatusErrors: true,
		timeout: harvestDeadlineMs(),
	};
}

/** An invoice whose line items use decimal commas is read in the account's number format. */
async function decodeAnswer(answer: AnswerContext, response: IN8nHttpFullResponse): Promise<DecodedAnswer> {
	const decoded = decodeHarvestResponse(answer.context.getNode(), answer.credentials, response);
	return { decoded: await withAccountLineItems(decoded, answer.readDecimalSymbol) };
}

/** Harvest's classic API: account subdomain, wrapped snake_case records in JSON or XML. */
export const v1Dialect: HarvestDialect = {
	list: V1_LIST,
	translate,
	httpOptions,
	decodeAnswer,
	// Its lists have no links, and its status filter says all a status means.
	nextPage: (node) => {
		throw new NodeOperationError(node, 'The classic Harvest API has no page links');
	},
	listKeep: () => undefined,
	pageQuery: (qs) => qs,
	// Harvest's day as its answers tell it (v1 bodies never need it: due terms go as `NET N`).
	today: serverToday,
	invoiceView: v1InvoiceView,
	invoiceWatchQuery: (_credentials, filters) => v1WatchQuery(filters),
	errors: V1_ERRORS,
	accountIdentity: v1AccountIdentity,
	baseUrl: harvestBaseUrl,
	checkCredential: v1CheckCredential,
	webAddress: async (_context, credentials) => v1WebAddress(credentials),
	decodeBody: v1DecodeBody,
	bodyFormatName: v1BodyFormatName,
	recordExtras: v1RecordExtras,
	// Called through: v1/send.ts and this file import each other (by way of decodeItems.ts).
	read: async (context, credentials, read) => await v1Read.call(context, credentials, read),
	decimalSymbol: async (context, credentials) => await v1DecimalSymbol.call(context, credentials),
	invoiceFields: V1_INVOICE_FIELDS,
};
