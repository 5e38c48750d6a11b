import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { isOAuth2Credential } from '../credentialType';
import { harvestDeadlineMs } from '../deadline';
import { v2OAuth2Options } from './connection';
import { V2_WIRE_HEADERS } from './wireHeaders';

/**
 * The HTTP options of one v2 request, for the operations and the programmatic reads alike: JSON
 * both ways, error statuses let through for the decoder, the overall deadline, and for OAuth 2 the
 * host, account and agent its credential cannot add itself.
 */
export function v2HttpOptions(
	credentials: ICredentialDataDecryptedObject,
	wire: { method: IHttpRequestMethods; path: string; qs?: IDataObject; body?: IDataObject },
): IHttpRequestOptions {
	const oauth2 = isOAuth2Credential(credentials) ? v2OAuth2Options(credentials) : undefined;
	return {
		...oauth2,
		method: wire.method,
		url: wire.path,
		qs: wire.qs,
		headers: { ...V2_WIRE_HEADERS, ...oauth2?.headers },
		body: wire.body,
		json: true,
		ignoreHttpStatusErrors: true,
		timeout: harvestDeadlineMs(),
	};
}
