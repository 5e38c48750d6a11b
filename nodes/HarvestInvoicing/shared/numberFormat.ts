/**
 * Numbers in line items CSV follow the Harvest account's number format (its decimal symbol, as
 * each dialect's `decimalSymbol` reads it). Seed 004 asks for quoting "especially if you are using a number format which
 * uses commas as the decimal separator": in such an account `"1,5"` is one and a half.
 */
export type DecimalSymbol = '.' | ',';

const POINT_NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;
/** `1,5`, `1.234,5`, `1234,50`: a comma decimal, dots only as thousands separators between groups of three. */
const COMMA_NUMBER = /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

/**
 * A number as written in `csv-line-items`; undefined when it is not one. A decimal point is always
 * understood (it is what the line-item editor writes, whatever the account); a comma only as the
 * decimal symbol of an account that uses one. With a decimal point account, `1,5` is refused
 * rather than guessed: Harvest would read the comma as a thousands separator.
 */
export function parseCsvNumber(text: string, decimalSymbol: DecimalSymbol): number | undefined {
	const trimmed = text.trim();
	if (POINT_NUMBER.test(trimmed)) return Number(trimmed);
	if (decimalSymbol !== ',' || !trimmed.includes(',') || !COMMA_NUMBER.test(trimmed)) return undefined;
	return Number(trimmed.replace(/\./g, '').replace(',', '.'));
}
