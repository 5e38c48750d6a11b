import { CsvSyntaxError, formatCsv, parseCsv } from './csv';
import { unprocessable } from './errors';
import { lineAmount } from './invoiceMath';
import { formatAccountDecimal, localizeNumberText, numberFormatFor, parseAccountNumber, type NumberFormat } from './numberFormat';
import type { LineItem, SandboxStore } from './store';

const POINT = numberFormatFor('.');

export const LINE_ITEMS_HEADER = ['kind', 'description', 'quantity', 'unit_price', 'amount', 'taxed', 'taxed2', 'project_id'];

/**
 * The `csv-line-items` text of an invoice, as Harvest writes it:
 * `Product,A description,1.00,100.00,100.0,false,false,` (quantity and unit price with two decimals,
 * amount as a decimal, an empty last field when there is no project), numbers in the account's format
 * (`"1,00"`, quoted, with a comma decimal symbol).
 */
export function formatLineItems(items: readonly LineItem[], format: NumberFormat = POINT): string {
	return formatCsv([
		LINE_ITEMS_HEADER,
		...items.map((item) => [
			item.kind,
			item.description,
			localizeNumberText(item.quantity.toFixed(2), format),
			localizeNumberText(item.unitPrice.toFixed(2), format),
			formatAccountDecimal(item.amount, format),
			String(item.taxed),
			String(item.taxed2),
			item.projectId === null ? '' : String(item.projectId),
		]),
	]);
}

/**
 * Reads `csv-line-items` from a request. Everything is checked before anything is used, so a damaged
 * header or row answers 422 and leaves the invoice's line items as they were. The `amount` column is
 * informative: the sandbox recomputes it from quantity x unit price, as Harvest does. Numbers are read
 * in the account's format (see numberFormat.ts).
 */
export function parseLineItems(csv: string, store: SandboxStore, format: NumberFormat = POINT): LineItem[] {
	let rows: string[][];
	try {
		rows = parseCsv(csv).filter((row) => row.some((field) => field.trim() !== ''));
	} catch (error) {
		if (error instanceof CsvSyntaxError) throw unprocessable(`csv-line-items is not valid CSV: ${error.message}`);
		throw error;
	}
	const [header, ...body] = rows;
	const headerText = header?.map((name) => name.trim().toLowerCase()).join(',');
	if (headerText !== LINE_ITEMS_HEADER.join(',')) {
		throw unprocessable(`csv-line-items must start with the header ${LINE_ITEMS_HEADER.join(',')}`);
	}
	return body.map((fields, index) => parseRow(fields, index + 2, store, format));
}

function parseRow(fields: string[], line: number, store: SandboxStore, format: NumberFormat): LineItem {
	if (fields.length < 7 || fields.length > 8) {
		throw unprocessable(`csv-line-items line ${line} has ${fields.length} fields instead of 8`);
	}
	const [kindField, description, quantityField, unitPriceField, , taxedField, taxed2Field, projectField = ''] = fields;
	const category = [...store.categories.values()].find(
		(candidate) => candidate.name.toLowerCase() === kindField.trim().toLowerCase(),
	);
	if (!category) throw unprocessable(`csv-line-items line ${line}: "${kindField}" is not an item category`);
	const quantity = parseNumber(quantityField, 'quantity', line, format);
	const unitPrice = parseNumber(unitPriceField, 'unit_price', line, format);
	const projectText = projectField.trim();
	let projectId: number | null = null;
	if (projectText !== '') {
		projectId = /^\d+$/.test(projectText) ? Number(projectText) : NaN;
		if (!store.projects.has(projectId)) throw unprocessable(`csv-line-items line ${line}: project ${projectText} does not exist`);
	}
	return {
		kind: category.name,
		description,
		quantity,
		unitPrice,
		amount: lineAmount(quantity, unitPrice),
		taxed: parseFlag(taxedField, 'taxed', line),
		taxed2: parseFlag(taxed2Field, 'taxed2', line),
		projectId,
	};
}

/** An empty field is 0; anything else must be a number in the account's format. */
function parseNumber(text: string, column: string, line: number, format: NumberFormat): number {
	if (text.trim() === '') return 0;
	const value = parseAccountNumber(text, format);
	if (value === undefined) throw unprocessable(`csv-line-items line ${line}: ${column} "${text}" is not a number`);
	return value;
}

function parseFlag(text: string, column: string, line: number): boolean {
	const value = text.trim().toLowerCase();
	if (value === 'true') return true;
	if (value === 'false' || value === '') return false;
	throw unprocessable(`csv-line-items line ${line}: ${column} must be true or false, not "${text}"`);
}
