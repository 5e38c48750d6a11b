import { formatCsvRow, parseCsv } from './csv';
import { parseCsvNumber, type DecimalSymbol } from './numberFormat';

/** One invoice line, as items show it and as the line-item editor collects it. */
export interface LineItem {
	kind: string;
	description: string;
	quantity: number;
	unit_price: number;
	amount: number;
	taxed: boolean;
	taxed2: boolean;
	project_id: number | null;
}

export const LINE_ITEMS_HEADER = [
	'kind',
	'description',
	'quantity',
	'unit_price',
	'amount',
	'taxed',
	'taxed2',
	'project_id',
] as const;

/** Decimal point, no thousands separator, whatever the account's locale: Harvest parses it so. */
function formatDecimal(value: number): string {
	const text = Number.isInteger(value) ? value.toFixed(1) : String(value);
	// Very large or tiny numbers print as `1e-7`, which no CSV reader takes for a number.
	if (!/e/i.test(text)) return text;
	return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Rounds to cents the way an invoice shows an amount (avoids 0.1 * 3 = 0.30000000000000004). */
export function lineAmount(quantity: number, unitPrice: number): number {
	return Math.round(quantity * unitPrice * 100) / 100;
}

/**
 * Writes Harvest's `csv-line-items`: the header, then one row per line. A row without a project
 * ends with a comma, as Harvest's own output does.
 */
export function writeLineItemsCsv(items: Array<Omit<LineItem, 'amount'> & { amount?: number }>): string {
	const rows = items.map((item) =>
		formatCsvRow([
			item.kind,
			item.description,
			formatDecimal(item.quantity),
			formatDecimal(item.unit_price),
			formatDecimal(item.amount ?? lineAmount(item.quantity, item.unit_price)),
			String(item.taxed),
			String(item.taxed2),
			item.project_id === null || item.project_id === undefined ? '' : String(item.project_id),
		]),
	);
	return `${[LINE_ITEMS_HEADER.join(','), ...rows].join('\n')}\n`;
}

const NUMBER_COLUMNS = ['quantity', 'unit_price', 'amount'] as const;

function toNumber(text: string, decimalSymbol: DecimalSymbol): number {
	if (text.trim() === '') return 0;
	return parseCsvNumber(text, decimalSymbol) ?? Number.NaN;
}

/**
 * Whether a quantity, unit price or amount holds a comma, so that reading the CSV needs the
 * account's decimal symbol (which Harvest tells; see each dialect's `decimalSymbol`). CSV that does not parse says no: its check reports it.
 */
export function lineItemsNeedDecimalSymbol(csv: string): boolean {
	let rows: string[][];
	try {
		rows = parseCsv(csv);
	} catch {
		return false;
	}
	const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
	const columns = NUMBER_COLUMNS.map((name) => header.indexOf(name)).filter((index) => index >= 0);
	return rows.slice(1).some((row) => columns.some((index) => (row[index] ?? '').includes(',')));
}

/**
 * Reads `csv-line-items` into structured lines, numbers in the account's format (see
 * numberFormat.ts); throws with a reason when the header is damaged.
 */
export function parseLineItemsCsv(csv: string, decimalSymbol: DecimalSymbol = '.'): LineItem[] {
	const rows = parseCsv(csv).filter((row) => !(row.length === 1 && row[0].trim() === ''));
	if (rows.length === 0) return [];
	const header = rows[0].map((name) => name.trim());
	const missing = LINE_ITEMS_HEADER.filter((name) => !header.includes(name));
	if (missing.length > 0) {
		throw new Error(
			`the CSV header must be "${LINE_ITEMS_HEADER.join(',')}" (missing: ${missing.join(', ')})`,
		);
	}
	const column = (row: string[], name: (typeof LINE_ITEMS_HEADER)[number]) =>
		row[header.indexOf(name)] ?? '';
	return rows.slice(1).map((row) => {
		const project = column(row, 'project_id').trim();
		return {
			kind: column(row, 'kind'),
			description: column(row, 'description'),
			quantity: toNumber(column(row, 'quantity'), decimalSymbol),
			unit_price: toNumber(column(row, 'unit_price'), decimalSymbol),
			amount: toNumber(column(row, 'amount'), decimalSymbol),
			taxed: column(row, 'taxed').trim() === 'true',
			taxed2: column(row, 'taxed2').trim() === 'true',
			project_id: project === '' ? null : Number(project),
		};
	});
}
