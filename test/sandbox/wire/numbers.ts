/**
 * How Harvest writes decimals in text: at least one decimal place (`100.0`, `52000.0`, `1238.5`).
 * Used by the XML codec and by the `amount` column of `csv-line-items`.
 */
export function formatDecimal(value: number): string {
	return Number.isInteger(value) ? `${value}.0` : String(value);
}
