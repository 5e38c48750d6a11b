import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

export { PAGE_SIZE } from './pageWalk';

/** A request by path on the classic API (v1/reads.ts says where each neutral read goes). */
export interface HarvestRequest {
	method: IHttpRequestMethods;
	/** Path below the account, e.g. `/invoices`; ids in it must already be validated. */
	path: string;
	qs?: IDataObject;
	/** Request record with snake_case keys, sent wrapped in `root`. */
	body?: IDataObject;
	root?: string;
}
