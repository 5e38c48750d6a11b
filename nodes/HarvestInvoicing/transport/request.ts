import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { requireUsableCredential } from './credentialCheck';
import { dialectOf, type HarvestContext } from './dialect';
import { walkInvoiceList } from './pageWalk';
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
		spelling: dialectOf(credentials).list,
		keep: dialectOf(credentials).walkKeep(credentials, path, qs),
	});
}
