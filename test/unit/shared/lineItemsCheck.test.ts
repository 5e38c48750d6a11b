import { findLineItemsCsvProblem } from '../../../nodes/HarvestInvoicing/shared/lineItemsCheck';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('raw csv-line-items check', () => {
	it.each([
		['the seed example', csv('Service,A service,1.00,100.00,100.0,true,true,', 'Product,A product,2,100.00,200.0,false,false,')],
		['a quoted description with commas, quotes and a line break', csv('Service,"Design, ""v2""\nphase 1",1,10,10,false,false,77')],
		['rows of 7 fields, empty amount and flags', csv('Service,x,1,.5,,,')],
		['only the header (every line removed on purpose)', `${HEADER}\n`],
		['CRLF line ends and an upper-case header', `${HEADER.toUpperCase()}\r\nService,x,1,2,2,false,false,\r\n`],
	])('accepts %s', (_name, text) => {
		expect(findLineItemsCsvProblem(text)).toBeUndefined();
	});

	it.each([
		['', /empty/],
		['kind,description,quantity\nService,x,1\n', /first line must be the header/],
		[csv('Service,x,1'), /line 2: has 3 fields/],
		[csv('Service,Design, phase 1,1,10,10,false,false,'), /line 2: has 9 fields.*quote/],
		[csv(',x,1,10,10,false,false,'), /line 2: kind is empty/],
		[csv('Service,x,"1,5",10,15,false,false,'), /quantity "1,5" is not a number \(this Harvest account writes numbers with a decimal point/],
		[csv('Service,x,1,ten,10,false,false,'), /unit_price "ten" is not a number/],
		[csv('Service,x,1,10,1e3,false,false,'), /amount "1e3" is not a number/],
		[csv('Service,x,1,10,10,yes,false,'), /taxed must be true or false/],
		[csv('Service,x,1,10,10,false,no,'), /taxed2 must be true or false/],
		[csv('Service,x,1,10,10,false,false,P-1'), /project_id must be a project ID/],
		[csv('Service,x,1,10,10,false,false,', 'Service,"open'), /not valid CSV/],
	])('refuses %j', (text, problem) => {
		expect(findLineItemsCsvProblem(text)).toMatch(problem);
	});

	it('accepts quoted comma decimals where the account decimal symbol is a comma (seed 004), and decimal points there too', () => {
		const text = csv('Service,"Design, phase 1","1,5","1.200,50","1.800,75",false,false,', 'Product,Box,2.5,10,25.0,false,false,');
		expect(findLineItemsCsvProblem(text, ',')).toBeUndefined();
		expect(findLineItemsCsvProblem(text, '.')).toMatch(/line 2: quantity "1,5" is not a number/);
	});

	it.each([
		[csv('Service,x,1,5,100,150,false,false,'), /line 2: has 9 fields/],
		[csv('Service,x,"1,2,3",10,10,false,false,'), /quantity "1,2,3" is not a number/],
		[csv('Service,x,"12.34,5",10,10,false,false,'), /quantity "12.34,5" is not a number/],
	])('still refuses %j with a comma decimal symbol', (text, problem) => {
		expect(findLineItemsCsvProblem(text, ',')).toMatch(problem);
	});
});
