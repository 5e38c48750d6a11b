import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { harvestDeadlineMs } from '../deadline';
import type { HarvestDialect, TranslationContext, WireRequest } from '../dialect';
import type { OperationRequest } from '../operationRequest';
import { encodeHarvestBody } from './encodeBody';
import { V1_LIST } from './listSpelling';
import { v1ListQuery } from './listQuery';
import { v1Route } from './operationPaths';
import { v1Body } from './requestBody';
import { dataFormatOf, wireHeaders } from './wireFormat';

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

/** Harvest's classic API: account subdomain, wrapped snake_case records in JSON or XML. */
export const v1Dialect: HarvestDialect = { list: V1_LIST, translate, httpOptions, pageQuery: (qs) => qs };
