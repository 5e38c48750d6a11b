import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * The record inside a request body's wrapper (`{ payment: {...} }` -> the payment), as the
 * fields' routing built it, for an operation preSend hook to check or complete. Created when no
 * field routed anything, so a missing required value is reported by the check, not as a crash.
 */
export function wrappedRecord(requestOptions: IHttpRequestOptions, root: string): IDataObject {
	const body = (requestOptions.body ??= {}) as IDataObject;
	const record = body[root];
	if (record !== null && typeof record === 'object' && !Array.isArray(record)) return record as IDataObject;
	const created: IDataObject = {};
	body[root] = created;
	return created;
}
