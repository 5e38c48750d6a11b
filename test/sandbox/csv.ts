/**
 * A small RFC 4180 reader and writer. Harvest's `csv-line-items` is real CSV: descriptions may hold
 * commas, quotes and line breaks, so splitting on commas and newlines is not enough.
 */

export class CsvSyntaxError extends Error {}

/** Rows of fields. Accepts LF or CRLF line ends; a final line end is optional. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let fieldStarted = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (quoted) {
			if (char !== '"') field += char;
			else if (text[index + 1] === '"') {
				field += '"';
				index++;
			} else {
				quoted = false;
				const next = text[index + 1];
				if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
					throw new CsvSyntaxError(`Unexpected character after a closing quote at offset ${index + 1}`);
				}
			}
		} else if (char === '"') {
			if (field !== '') throw new CsvSyntaxError(`A quote inside an unquoted field at offset ${index}`);
			quoted = true;
			fieldStarted = true;
		} else if (char === ',') {
			row.push(field);
			field = '';
			fieldStarted = true;
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[index + 1] === '\n') index++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			fieldStarted = false;
		} else {
			field += char;
			fieldStarted = true;
		}
	}
	if (quoted) throw new CsvSyntaxError('A quoted field is not closed');
	if (fieldStarted || field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** Quotes a field only when it has to: a comma, a quote or a line break (quotes are doubled). */
export function formatCsvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Each row ends with a line break, as in Harvest's own output. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(formatCsvField).join(',') + '\n').join('');
}
