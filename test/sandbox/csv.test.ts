/** The pure pieces: the RFC 4180 reader and writer, line items <-> csv, money rounding and totals. */
import { CsvSyntaxError, formatCsv, formatCsvField, parseCsv } from './csv';
import { computeTotals, roundMoney } from './invoiceMath';
import { formatLineItems } from './lineItems';
import type { LineItem } from './store';

describe('parseCsv', () => {
	test.each([
		['a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
		['a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
		['x,,\n', [['x', '', '']]],
		['"a, b","say ""hi""","two\nlines"\n', [['a, b', 'say "hi"', 'two\nlines']]],
		['"",x\n', [['', 'x']]],
		['', []],
	])('%j', (text, rows) => {
		expect(parseCsv(text)).toEqual(rows);
	});

	test.each(['"open', 'a"b,c', '"a"b,c'])('refuses %j', (text) => {
		expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
	});
});

describe('formatCsv', () => {
	test('quotes only fields that need it, doubles quotes, ends every row with a line break', () => {
		expect(formatCsvField('plain')).toBe('plain');
		expect(formatCsvField('a,b')).toBe('"a,b"');
		expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
		expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
		expect(formatCsv([['a', 'b,c'], ['', 'd']])).toBe('a,"b,c"\n,d\n');
	});

	test('round trip', () => {
		const rows = [['kind', 'description'], ['Service', 'A "quoted", multi\r\nline text'], ['Product', '']];
		expect(parseCsv(formatCsv(rows))).toEqual(rows);
	});
});

test('formatLineItems writes the seed\'s format', () => {
	const item: LineItem = { kind: 'Product', description: 'A description', quantity: 1, unitPrice: 100, amount: 100, taxed: false, taxed2: false, projectId: null };
	expect(formatLineItems([item, { ...item, quantity: 2.5, unitPrice: 33.333, amount: 83.33, taxed: true, projectId: 7 }])).toBe(
		'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\n' +
		'Product,A description,1.00,100.00,100.0,false,false,\n' +
		'Product,A description,2.50,33.33,83.33,true,false,7\n',
	);
});

describe('money', () => {
	test.each([[1.005, 1.01], [2.675, 2.68], [-1.005, -1.01], [0.1 + 0.2, 0.3], [10, 10]])('roundMoney(%d) = %d', (value, rounded) => {
		expect(roundMoney(value)).toBe(rounded);
	});

	test('totals of the seed\'s free-form example: 100 taxed (3% and 5%) + 200 untaxed = 308', () => {
		const line = (amount: number, taxed: boolean): LineItem => ({ kind: 'Service', description: '', quantity: 1, unitPrice: amount, amount, taxed, taxed2: taxed, projectId: null });
		expect(computeTotals([line(100, true), line(200, false)], { tax: 3, tax2: 5, discount: null })).toEqual({
			subtotal: 300, discountAmount: 0, taxAmount: 3, tax2Amount: 5, amount: 308,
		});
	});
});
