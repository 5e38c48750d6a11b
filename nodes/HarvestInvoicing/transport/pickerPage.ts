import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { dialectOf } from './dialect';
import { PAGE_SIZE } from './pageWalk';

/**
 * The query of one page of the invoice list for a person scrolling a picker: PAGE_SIZE invoices a
 * page, in the credential's API's words.
 */
export function pickerPageQuery(credentials: ICredentialDataDecryptedObject, page: number): IDataObject {
	return dialectOf(credentials).pickerPageQuery(page, PAGE_SIZE);
}
