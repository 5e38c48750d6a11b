import { lineItemsNeedDecimalSymbol, parseLineItemsCsv } from '../../../nodes/HarvestInvoicing/shared/lineItems';
import { parseCsvNumber } from '../../../nodes/HarvestInvoicing/shared/numberFormat';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

describe('csv-line-items numbers in the account format', () => {
	it.each([
		['1.5', '.', 1.5],
		['1.5', ',', 1.5],
		['1,5', ',', 1.5],
		['1.234,50', ',', 1234.5],
		['1234,50', ',', 1234.5],
		['-0,25', ',', -0.25],
		['1,5', '.', undefined],
		['1,2,3', ',', undefined],
		['12.34,5', ',', undefined],
		['1e3', ',', undefined],
	] as const)('%s with decimal symbol %s -> %s', (text, symbol, expected) => {
		expect(parseCsvNumber(text, symbol)).toBe(expected);
	});

	it('reads Harvest\'s quoted comma decimals into line items, and says when the account format is needed', () => {
		const csv = `${HEADER}\nService,"A, b","1,50","100,00","150,0",true,false,3001\n`;
		expect(lineItemsNeedDecimalSymbol(csv)).toBe(true);
		expect(lineItemsNeedDecimalSymbol(`${HEADER}\nService,"A, b",1.50,100.00,150.0,true,false,\n`)).toBe(false);
		expect(lineItemsNeedDecimalSymbol('"not closed')).toBe(false);
		expect(parseLineItemsCsv(csv, ',')).toEqual([
			{ kind: 'Service', description: 'A, b', quantity: 1.5, unit_price: 100, amount: 150, taxed: true, taxed2: false, project_id: 3001 },
		]);
	});
});
