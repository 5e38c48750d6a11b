import { parseCsv } from './csv';
import { LINE_ITEMS_HEADER } from './lineItems';
import { parseCsvNumber, type DecimalSymbol } from './numberFormat';

const FLAG = /^(true|false)?$/i;
const PROJECT_ID = /^(\d{1,18})?$/;

function describeNumberProblem(column: string, text: string, decimalSymbol: DecimalSymbol): string {
	const hint =
		decimalSymbol === '.' && /^-?[\d.]+,\d+$/.test(text.trim())
			? ' (this Harvest account writes numbers with a decimal point: use a decimal point, not a comma)'
			: '';
	return `${column} "${text}" is not a number${hint}`;
}

/** A number Harvest can read in the account's notation that is also a finite value (no 400-digit runs). */
const isNumber = (text: string, decimalSymbol: DecimalSymbol) => Number.isFinite(parseCsvNumber(text, decimalSymbol) ?? NaN);

/**
 * Checks raw `csv-line-items` before it is sent, and returns the first problem in words (or
 * undefined when it is fine). Harvest replaces every line item with what it receives and has
 * discarded whole updates over a damaged header, so the header must be exactly Harvest's, and each
 * row must have a kind, numbers in the account's format (a decimal point, or a quoted decimal comma
 * where the account's decimal symbol is a comma), true/false flags and a numeric project ID (or none).
 */
export function findLineItemsCsvProblem(csv: string, decimalSymbol: DecimalSymbol = '.'): string | undefined {
	let rows: string[][];
	try {
		rows = parseCsv(csv).filter((row) => row.some((field) => field.trim() !== ''));
	} catch (error) {
		return `it is not valid CSV: ${(error as Error).message}`;
	}
	const expectedHeader = LINE_ITEMS_HEADER.join(',');
	if (rows.length === 0) return `it is empty; it must start with the header ${expectedHeader}`;
	const header = rows[0].map((name) => name.trim().toLowerCase()).join(',');
	if (header !== expectedHeader) return `the first line must be the header ${expectedHeader} (got "${rows[0].join(',')}")`;
	for (const [index, fields] of rows.slice(1).entries()) {
		const problem = findRowProblem(fields, decimalSymbol);
		if (problem) return `line ${index + 2}: ${problem}`;
	}
	return undefined;
}

function findRowProblem(fields: string[], decimalSymbol: DecimalSymbol): string | undefined {
	// Harvest ends a row without a project with a comma (8 fields); a row without it has 7.
	if (fields.length < 7 || fields.length > 8) {
		return `has ${fields.length} fields instead of 8 (quote any description holding a comma)`;
	}
	const [kind, , quantity, unitPrice, amount, taxed, taxed2, projectId = ''] = fields;
	if (kind.trim() === '') return 'kind is empty (use an item category name, e.g. Service or Product)';
	if (!isNumber(quantity, decimalSymbol)) return describeNumberProblem('quantity', quantity, decimalSymbol);
	if (!isNumber(unitPrice, decimalSymbol)) return describeNumberProblem('unit_price', unitPrice, decimalSymbol);
	if (amount.trim() !== '' && !isNumber(amount, decimalSymbol)) return describeNumberProblem('amount', amount, decimalSymbol);
	if (!FLAG.test(taxed.trim())) return `taxed must be true or false (got "${taxed}")`;
	if (!FLAG.test(taxed2.trim())) return `taxed2 must be true or false (got "${taxed2}")`;
	if (!PROJECT_ID.test(projectId.trim())) return `project_id must be a project ID made of digits, or empty (got "${projectId}")`;
	return undefined;
}
