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

/** "line L, character C" of an offset, counting lines as a text editor shows them. */
function where(text: string, offset: number): string {
	const before = text.slice(0, offset).split(/\r\n|\r|\n/);
	return `line ${before.length}, character ${before[before.length - 1].length + 1}`;
}

/**
 * Parses CSV text into rows of fields; quoted fields may hold commas, quotes and line breaks.
 * Strict RFC 4180, as Harvest's parser is: a quote may only open a field or be doubled inside a
 * quoted one, and a closing quote must end the field. Anything else throws, naming where.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let inQuotes = false;
	let fieldStarted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inQuotes) {
			if (char !== '"') {
				field += char;
			} else if (text[i + 1] === '"') {
				field += '"';
				i++;
			} else {
				inQuotes = false;
				const next = text[i + 1];
				if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
					throw new Error(`${where(text, i + 1)}: a closing quote is followed by "${next}" (quote the whole field)`);
				}
			}
			continue;
		}
		if (char === '"') {
			if (field !== '') throw new Error(`${where(text, i)}: a quote inside an unquoted field (quote the whole field and double the quote)`);
			inQuotes = true;
			fieldStarted = true;
		} else if (char === ',') {
			row.push(field);
			field = '';
			fieldStarted = true;
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
