import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { requireUsableCredential } from './credentialCheck';
import { dialectOf, type HarvestContext } from './dialect';
import type { DecodedBody } from './decodedBody';
import { harvestCredentialType } from './credentialType';

export { PAGE_SIZE } from './pageWalk';

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
 * A programmatic request by path (the trigger's; dropdowns and read-backs use harvestRead in
 * reads.ts): same codec, error mapping and retry rules as the declarative operations.
 */
export async function harvestRequest(this: HarvestContext, request: HarvestRequest): Promise<DecodedBody> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	requireUsableCredential(this.getNode(), credentials);
	return await dialectOf(credentials).send(this, credentials, request);
}
