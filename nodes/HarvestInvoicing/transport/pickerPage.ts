import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { apiVersionOf } from './apiVersion';
import { PAGE_SIZE } from './pageWalk';

/**
 * The query of one page of the invoice list for a person scrolling a picker: the classic API's
 * fixed 50 a page, and the same 50 asked for on v2 (whose lists would otherwise hold 2,000).
 */
export function pickerPageQuery(credentials: ICredentialDataDecryptedObject, page: number): IDataObject {
	return apiVersionOf(credentials) === 'v2' ? { page, per_page: PAGE_SIZE } : { page };
}
