import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { DecimalSymbol } from '../shared/numberFormat';
import { decimalSymbolOf, WHO_AM_I_PATH } from './lineItemNumbers';
import { harvestRequest } from './request';

/** The account's decimal symbol (who_am_i), for checking raw csv-line-items before they are sent. */
export async function accountDecimalSymbol(this: IExecuteSingleFunctions): Promise<DecimalSymbol> {
	return decimalSymbolOf(await harvestRequest.call(this, { method: 'GET', path: WHO_AM_I_PATH }));
}
