import {
	addedLineItemRows,
	appendLineItemRows,
} from '../../../nodes/HarvestInvoicing/transport/v1/appendLineItems';
import { TEST_NODE } from './fakeContext';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

describe('Invoice > Update, Add to Existing Lines', () => {
	it('keeps the current lines exactly as Harvest wrote them and adds the new rows after them', () => {
		const current = `${HEADER}\nService,"Design, phase 1","1,50","100,00","150,0",true,false,3001\n`;
		const added = addedLineItemRows(TEST_NODE, `${HEADER}\nProduct,"Multi\nline",2.0,10.0,20.0,false,false,`);
		expect(appendLineItemRows(current, added, HEADER)).toBe(
			`${HEADER}\nService,"Design, phase 1","1,50","100,00","150,0",true,false,3001\nProduct,"Multi\nline",2.0,10.0,20.0,false,false,\n`,
		);
	});

	it('gives the header and the new lines when the invoice had none; accepts CRLF', () => {
		const added = addedLineItemRows(TEST_NODE, `${HEADER}\r\nB,b,1,1,1,false,false,\r\n`);
		expect(appendLineItemRows('', added, HEADER)).toBe(`${HEADER}\nB,b,1,1,1,false,false,\n`);
		expect(appendLineItemRows(`${HEADER}\r\nA,a,1,1,1,false,false,\r\n`, added, HEADER)).toBe(
			`${HEADER}\r\nA,a,1,1,1,false,false,\nB,b,1,1,1,false,false,\n`,
		);
	});

	it('refuses when there is nothing to add', () => {
		expect(() => addedLineItemRows(TEST_NODE, `${HEADER}\n`)).toThrow(/Line Items is empty: there is no line to add/);
		expect(() => addedLineItemRows(TEST_NODE, HEADER)).toThrow(/Line Items is empty/);
	});
});
