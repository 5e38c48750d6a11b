import { invoiceMatches, invoiceSearchItem } from '../../../nodes/HarvestInvoicing/shared/searchInvoices';
import { V1_INVOICE_FIELDS } from '../../../nodes/HarvestInvoicing/transport/v1/invoiceFields';
import { V2_INVOICE_FIELDS } from '../../../nodes/HarvestInvoicing/transport/v2/invoiceFields';

const invoice = {
	id: 6763297,
	number: 'INV-1042',
	client_name: 'Dune & Sons',
	amount: 1250.5,
	currency: 'United States Dollar - USD',
	state: 'open',
};

describe('invoice picker entries', () => {
	it('show number, client, amount and state, and link to the invoice in Harvest', () => {
		expect(invoiceSearchItem(invoice, 'https://acme.harvestapp.com', V1_INVOICE_FIELDS)).toEqual({
			name: '#INV-1042 · Dune & Sons · 1250.50 USD · open',
			value: '6763297',
			url: 'https://acme.harvestapp.com/invoices/6763297',
		});
	});

	it("read a v2 invoice's nested client the same way, and have no link when the account's address is unknown", () => {
		const { client_name: _name, ...rest } = invoice;
		const v2Invoice = { ...rest, client: { id: 5, name: 'Dune & Sons' } };
		expect(invoiceSearchItem(v2Invoice, undefined, V2_INVOICE_FIELDS)).toEqual({ name: '#INV-1042 · Dune & Sons · 1250.50 USD · open', value: '6763297' });
		expect(invoiceMatches(v2Invoice, 'dune', V2_INVOICE_FIELDS)).toBe(true);
	});

	it('match by number or client name, ignoring case, or by exact ID', () => {
		expect(invoiceMatches(invoice, '1042', V1_INVOICE_FIELDS)).toBe(true);
		expect(invoiceMatches(invoice, 'dune', V1_INVOICE_FIELDS)).toBe(true);
		expect(invoiceMatches(invoice, '  ', V1_INVOICE_FIELDS)).toBe(true);
		expect(invoiceMatches(invoice, '6763297', V1_INVOICE_FIELDS)).toBe(true);
		expect(invoiceMatches(invoice, '676329', V1_INVOICE_FIELDS)).toBe(false);
		expect(invoiceMatches(invoice, 'acme', V1_INVOICE_FIELDS)).toBe(false);
	});

	it('the URL is one the By URL mode of the picker accepts', () => {
		const { url } = invoiceSearchItem(invoice, 'https://acme.harvestapp.com', V1_INVOICE_FIELDS);
		expect(/\/invoices\/(\d+)/.exec(url as string)?.[1]).toBe('6763297');
	});
});
