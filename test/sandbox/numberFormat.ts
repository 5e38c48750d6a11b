import { formatDecimal } from './wire/numbers';

/**
 * The account's number format (Settings > Preferences in Harvest), reported by who_am_i as
 * `decimal-symbol` and `thousands-separator`. It is how people write numbers in `csv-line-items`:
 * seed 004 asks for quoted fields "especially if you are using a number format which uses commas as
 * the decimal separator", so `"1,50"` is one and a half there.
 */
export type DecimalSymbol = '.' | ',';

export interface NumberFormat {
	decimalSymbol: DecimalSymbol;
	thousandsSeparator: string;
}

export function numberFormatFor(decimalSymbol: DecimalSymbol): NumberFormat {
	return { decimalSymbol, thousandsSeparator: decimalSymbol === ',' ? '.' : ',' };
}

/**
 * A number as written in the account's format; undefined when it is not one. With a comma decimal
 * symbol, text without a comma is read with a decimal point (`2.5`), which is what API clients
 * write whatever the locale; text with a comma is read the account's way (`1.234,5`).
 */
export function parseAccountNumber(text: string, format: NumberFormat): number | undefined {
	let cleaned = text.trim().replace(/[\s\u00a0']/g, '');
	if (format.decimalSymbol === ',' && cleaned.includes(',')) cleaned = cleaned.replace(/\./g, '').replace(',', '.');
	else cleaned = cleaned.replace(/,/g, '');
	if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
	const value = Number(cleaned);
	return Number.isFinite(value) ? value : undefined;
}

/** Harvest's own text for a number (`1.00`, `100.0`) in the account's format (`1,00`, `100,0`). */
export function localizeNumberText(text: string, format: NumberFormat): string {
	return format.decimalSymbol === ',' ? text.replace('.', ',') : text;
}

export function formatAccountDecimal(value: number, format: NumberFormat): string {
	return localizeNumberText(formatDecimal(value), format);
}
