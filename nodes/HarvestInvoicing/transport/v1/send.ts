import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { DecimalSymbol } from '../../shared/numberFormat';
import { harvestApiAddress } from '../apiAddress';
import { harvestCredentialType } from '../credentialType';
import { harvestDeadlineMs } from '../deadline';
import type { DecodedBody } from '../decodedBody';
import { decodeHarvestResponse } from '../decodeItems';
import type { HarvestContext } from '../dialect';
import type { HarvestHttpResponse } from '../errors';
import { harvestBudget } from '../rateBudget';
import type { HarvestRequest } from '../request';
import type { HarvestRead } from '../reads';
import { asNodeError, markRequestMethod, withHarvestRetries } from '../retry';
import { encodeHarvestBody } from './encodeBody';
import { decimalSymbolOf, withAccountLineItems, WHO_AM_I_PATH } from './lineItemNumbers';
import { v1ReadRequest } from './reads';
import { dataFormatOf, wireHeaders } from './wireFormat';

/**
 * A programmatic request on the classic API (dropdowns, read-backs, the trigger): the body wrapped
 * in its root, encoded in the credential's format; invoices' line items read in the account's
 * number format (who_am_i, asked only when a CSV needs it).
 */
export async function v1Send(this: HarvestContext, credentials: ICredentialDataDecryptedObject, request: HarvestRequest): Promise<DecodedBody> {
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
	return await withAccountLineItems(decoded, async () => await v1DecimalSymbol.call(this, credentials));
}

/** A neutral read (see ../reads.ts) on the classic API. */
export async function v1Read(this: HarvestContext, credentials: ICredentialDataDecryptedObject, read: HarvestRead): Promise<DecodedBody> {
	return await v1Send.call(this, credentials, v1ReadRequest(read));
}

/** The account's decimal symbol: who_am_i's `company.decimal_symbol`. */
export async function v1DecimalSymbol(this: HarvestContext, credentials: ICredentialDataDecryptedObject): Promise<DecimalSymbol> {
	return decimalSymbolOf(await v1Send.call(this, credentials, { method: 'GET', path: WHO_AM_I_PATH }));
}
