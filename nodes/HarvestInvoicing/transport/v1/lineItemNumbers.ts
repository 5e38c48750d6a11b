import type { IDataObject } from 'n8n-workflow';

import { lineItemsNeedDecimalSymbol, parseLineItemsCsv } from '../../shared/lineItems';
import type { DecimalSymbol } from '../../shared/numberFormat';
import type { DecodedBody } from '../decodedBody';

export const WHO_AM_I_PATH = '/account/who_am_i';

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `company.decimal_symbol` of a who_am_i answer (the decoder already took XML's `<hash>` root off). */
export function decimalSymbolOf(whoAmI: DecodedBody): DecimalSymbol {
	const company = whoAmI.records[0]?.company;
	return isObject(company) && company.decimal_symbol === ',' ? ',' : '.';
}

/**
 * Re-reads `line_items` of invoices whose `csv_line_items` hold numbers with a comma, in the account's
 * number format (`readDecimalSymbol` asks who_am_i). Asked only then: an account writing decimal
 * points never pays for the extra request.
 */
export async function withAccountLineItems(
	decoded: DecodedBody,
	readDecimalSymbol: () => Promise<DecimalSymbol>,
): Promise<DecodedBody> {
	if (decoded.kind !== 'invoice') return decoded;
	const pending = decoded.records.filter(
		(invoice) => typeof invoice.csv_line_items === 'string' && lineItemsNeedDecimalSymbol(invoice.csv_line_items),
	);
	if (pending.length === 0) return decoded;
	const decimalSymbol = await readDecimalSymbol();
	for (const invoice of pending) {
		try {
			invoice.line_items = parseLineItemsCsv(invoice.csv_line_items as string, decimalSymbol) as unknown as IDataObject[];
		} catch {
			// As in withInvoiceExtras: the raw text is still there.
			invoice.line_items = null;
		}
	}
	return decoded;
}
