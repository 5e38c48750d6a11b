/**
 * RFC 4180 CSV, as Harvest's `csv-line-items` needs it: fields holding a comma, a quote or a line
 * break are quoted, quotes are doubled.
 */
export function formatCsvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsvRow(fields: string[]): string {
	return fields.map(formatCsvField).join(',');
}

/** Parses CSV text into rows of fields; quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let inQuotes = false;
	let fieldStarted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inQuotes) {
			if (char === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else {
					inQuotes = false;
				}
			} else {
				field += char;
			}
			continue;
		}
		if (char === '"' && !fieldStarted) {
			inQuotes = true;
			fieldStarted = true;
		} else if (char === ',') {
			row.push(field);
			field = '';
			fieldStarted = false;
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
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
	if (inQuotes) throw new Error('a quoted field is not closed');
	if (fieldStarted || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
