import { parseCsv, formatCsvRow } from '../../../nodes/HarvestInvoicing/shared/csv';
import {
	LINE_ITEMS_HEADER,
	lineAmount,
	parseLineItemsCsv,
	writeLineItemsCsv,
	type LineItem,
} from '../../../nodes/HarvestInvoicing/shared/lineItems';

const line = (overrides: Partial<LineItem>): LineItem => ({
	kind: 'Service',
	description: 'Work',
	quantity: 1,
	unit_price: 100,
	amount: 100,
	taxed: false,
	taxed2: false,
	project_id: null,
	...overrides,
});

describe('csv-line-items writer and reader', () => {
	it('writes the header, one row per line, a trailing comma without project, decimals with a point', () => {
		const csv = writeLineItemsCsv([
			line({ quantity: 2, unit_price: 12.5, amount: 25, taxed: true }),
			line({ kind: 'Product', description: 'Box', project_id: 42 }),
		]);
		expect(csv).toBe(
			`${LINE_ITEMS_HEADER.join(',')}\nService,Work,2.0,12.5,25.0,true,false,\nProduct,Box,1.0,100.0,100.0,false,false,42\n`,
		);
	});

	it('quotes descriptions with commas, quotes and line breaks, and reads them back unchanged', () => {
		const descriptions = [
			'Design, phase 1',
			'The "Pro" license',
			'First line\nsecond line',
			'Windows line\r\nend',
			'Café ☕ — 日本語, 1 000 €',
			'"quoted", at both ends "',
			'',
			'   spaces kept   ',
		];
		const items = descriptions.map((description, index) =>
			line({ description, quantity: index + 0.25, unit_price: 3.1, amount: lineAmount(index + 0.25, 3.1) }),
		);
		expect(parseLineItemsCsv(writeLineItemsCsv(items))).toEqual(items);
	});

	it('round-trips kinds that need quoting and project IDs', () => {
		const items = [line({ kind: 'Hours, billable', project_id: 123456789 }), line({ kind: 'Said "hi"' })];
		expect(parseLineItemsCsv(writeLineItemsCsv(items))).toEqual(items);
	});

	it('computes the amount when it is not given, rounded to cents', () => {
		const csv = writeLineItemsCsv([{ ...line({}), amount: undefined, quantity: 3, unit_price: 0.1 }]);
		expect(parseLineItemsCsv(csv)[0].amount).toBe(0.3);
		expect(lineAmount(3, 0.1)).toBe(0.3);
	});

	it('never writes exponent notation, which Harvest would not read as a number', () => {
		const csv = writeLineItemsCsv([line({ quantity: 0.0000001, unit_price: 1e21, amount: 1e14 })]);
		expect(csv).not.toMatch(/e[+-]?\d/i);
		expect(csv).toContain('0.0000001,');
		expect(parseLineItemsCsv(csv)[0].quantity).toBe(0.0000001);
	});

	it("reads Harvest's own csv-line-items (seed example)", () => {
		const csv =
			'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nProduct,A description,1.00,100.00,100.0,false,false,\n';
		expect(parseLineItemsCsv(csv)).toEqual([line({ kind: 'Product', description: 'A description' })]);
	});

	it('reads an empty text as no line items and refuses a damaged header', () => {
		expect(parseLineItemsCsv('')).toEqual([]);
		expect(parseLineItemsCsv(`${LINE_ITEMS_HEADER.join(',')}\n`)).toEqual([]);
		expect(() => parseLineItemsCsv('kind,descr,quantity\nService,x,1\n')).toThrow(/missing: description/);
	});
});

describe('CSV fields', () => {
	it('quotes only when needed and parses CRLF, quoted line breaks and doubled quotes', () => {
		expect(formatCsvRow(['a', 'b,c', 'say "x"', 'l1\nl2'])).toBe('a,"b,c","say ""x""","l1\nl2"');
		expect(parseCsv('a,"b,c"\r\n"x""y",\n')).toEqual([
			['a', 'b,c'],
			['x"y', ''],
		]);
		expect(() => parseCsv('"open')).toThrow(/not closed/);
	});
});
