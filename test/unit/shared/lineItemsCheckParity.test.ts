import { findLineItemsCsvProblem } from '../../../nodes/HarvestInvoicing/shared/lineItemsCheck';
import { ApiError } from '../../sandbox/errors';
import { parseLineItems } from '../../sandbox/lineItems';
import { SeededRandom } from '../../sandbox/random';
import { seedStore } from '../../sandbox/seedData';
import { SandboxStore } from '../../sandbox/store';

// The raw CSV check must refuse whatever Harvest's parser (the sandbox's, here) refuses: a row
// Harvest rejects would otherwise cost the request and, on an update, the user's line items.
// Unknown categories and projects are left out: only Harvest knows them.
const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';
const store = new SandboxStore();
seedStore(store, { seed: 1, invoices: 0, nowMs: Date.UTC(2026, 5, 1) });

function sandboxRefuses(csv: string): string | undefined {
	try {
		parseLineItems(csv, store);
		return undefined;
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		return /is not an item category|does not exist/.test(error.message) ? undefined : error.message;
	}
}

describe('raw csv-line-items check against the sandbox parser', () => {
	it.each([
		['an unterminated quote', `${HEADER}\nService,"open,1,2,2,false,false,\n`],
		['a quote inside an unquoted field', `${HEADER}\nService,say "hi",1,2,2,false,false,\n`],
		['a quote after leading spaces', `${HEADER}\nService, "x",1,2,2,false,false,\n`],
		['text after a closing quote', `${HEADER}\nService,"x"y,1,2,2,false,false,\n`],
		['a space after a closing quote', `${HEADER}\nService,"x" ,1,2,2,false,false,\n`],
		['too many columns', `${HEADER}\nService,x,1,2,2,false,false,,\n`],
		['too few columns', `${HEADER}\nService,x,1,2,2,false\n`],
		['a number too large to be one', `${HEADER}\nService,x,${'9'.repeat(400)},2,2,false,false,\n`],
		['a quantity written 1e3', `${HEADER}\nService,x,1e3,2,2,false,false,\n`],
	])('refuses %s, as the sandbox does', (_case, csv) => {
		expect(sandboxRefuses(csv)).toBeDefined();
		expect(findLineItemsCsvProblem(csv)).toBeDefined();
	});

	it('refuses every one of 3,000 random damaged texts the sandbox refuses', () => {
		const random = new SeededRandom(10);
		const tokens = [',', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'Service', 'Product', 'x', '1', '2.5', '.5', '-1', 'e', 'true', 'false', '7'];
		const good = 'Service,Design,1,2,2,false,false,';
		const missed: string[] = [];
		for (let run = 0; run < 3000; run++) {
			const row = [...good];
			for (let edits = random.int(1, 3); edits > 0; edits--) {
				const at = random.int(0, row.length);
				row.splice(at, random.int(0, 2), random.pick(tokens));
			}
			const csv = `${HEADER}\n${row.join('')}\n`;
			if (sandboxRefuses(csv) !== undefined && findLineItemsCsvProblem(csv) === undefined) missed.push(csv);
		}
		expect(missed.slice(0, 5)).toEqual([]);
	});
});
