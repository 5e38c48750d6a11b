import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import { decodeHarvestResponse } from '../decodeItems';
import { V2_ERRORS } from './errors';
import { V2_INVOICE_FIELDS } from './invoiceFields';
import { v2AccountIdentity, v2CheckCredential } from './account';
import { v2BaseUrl } from './connection';
import { decodeV2Body } from './records';
import type { AnswerContext, DecodedAnswer, HarvestDialect, TranslationContext, WireRequest } from '../dialect';
import type { OperationRequest } from '../operationRequest';
import { pickedRecord } from './finish';
import { V2_PAGE_SIZE, v2InvoiceFilters, v2ListQuery } from './listQuery';
import { v2Endpoint } from './operationPaths';
import { v2InvoiceBody, v2MessageBody, v2PaymentBody } from './requestBody';
import { nextPagePath } from './nextPage';
import { keepFilter, v2DashboardBase, v2DecimalSymbol, v2Read, withV2Extras } from './send';
import { v2HttpOptions } from './httpOptions';
import { serverToday } from '../serverClock';
import { v2InvoiceView } from './invoiceView';
import { v2WatchQuery } from './watchQuery';

async function v2Body(request: OperationRequest, eventType: string | undefined, context: TranslationContext): Promise<IDataObject | undefined> {
	if (eventType !== undefined) {
		const out: IDataObject = { event_type: eventType };
		if (request.stateChange?.note !== undefined) out.body = request.stateChange.note;
		return out;
	}
	if (request.invoice) {
		const updating = request.operation === 'invoice:update';
		return await v2InvoiceBody(request.invoice, { today: context.today, currentInvoice: updating ? context.currentInvoice : undefined });
	}
	if (request.message) return v2MessageBody(request.message);
	if (request.payment) return v2PaymentBody(request.payment);
	// v2 lets a client write a category's name only; its flags are Harvest's.
	if (request.category) return request.category.name === undefined ? {} : { name: request.category.name };
	return undefined;
}

async function translate(request: OperationRequest, context: TranslationContext): Promise<WireRequest> {
	const endpoint = v2Endpoint(request.operation, request.ids);
	const list = request.operation === 'invoice:getAll' ? v2InvoiceFilters(request.filters) : undefined;
	const body = await v2Body(request, endpoint.eventType, context);
	return {
		method: endpoint.method,
		path: endpoint.path,
		qs: list?.qs,
		body: body && Object.keys(body).length > 0 ? body : undefined,
		pick: endpoint.pick,
		keep: list?.keep,
	};
}

/** Invoices get their dashboard link (Harvest's clock is noted by decodeHarvestResponse). */
async function decodeAnswer(answer: AnswerContext, response: IN8nHttpFullResponse, wire: WireRequest | undefined): Promise<DecodedAnswer> {
	let decoded = decodeHarvestResponse(answer.context.getNode(), answer.credentials, response, wire?.path ?? '');
	// The invoice list is paged by the page walk, not by its links.
	const next = wire?.path === '/v2/invoices' ? undefined : decoded.next;
	if (wire?.pick) decoded = pickedRecord(answer.context.getNode(), decoded, wire.pick);
	decoded = await withV2Extras.call(answer.context, answer.credentials, decoded);
	return { decoded, next };
}

/** Harvest API v2: account id header, unwrapped JSON records, cursor links, PATCH. */
export const v2Dialect: HarvestDialect = {
	list: { pageSize: V2_PAGE_SIZE, issueDate: (record) => record.issue_date },
	translate,
	httpOptions: v2HttpOptions,
	decodeAnswer,
	nextPage: nextPagePath,
	listKeep: (credentials, wire) => keepFilter(credentials, wire?.keep),
	pageQuery: (qs) => v2ListQuery('/v2/invoices', qs).qs,
	today: serverToday,
	invoiceView: v2InvoiceView,
	invoiceWatchQuery: v2WatchQuery,
	errors: V2_ERRORS,
	accountIdentity: v2AccountIdentity,
	baseUrl: v2BaseUrl,
	checkCredential: v2CheckCredential,
	// From /v2/company, read once per account.
	webAddress: async (context, credentials) => await v2DashboardBase.call(context, credentials),
	// v2 tells single records apart by the path asked, v1 by their wrapper.
	decodeBody: (_credentials, body, path) => decodeV2Body(body, path),
	bodyFormatName: () => 'v2 JSON',
	// Dashboard links need the account's address, read separately (see send.ts).
	recordExtras: (_credentials, decoded) => decoded,
	read: async (context, credentials, read) => await v2Read.call(context, credentials, read),
	decimalSymbol: async (context, credentials) => await v2DecimalSymbol.call(context, credentials),
	invoiceFields: V2_INVOICE_FIELDS,
};
