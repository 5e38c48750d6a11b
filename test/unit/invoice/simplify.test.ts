import { simplifyInvoice, simplifyInvoiceItems } from '../../../nodes/HarvestInvoicing/resources/invoice/hooks/simplify';
import { V1_INVOICE_FIELDS } from '../../../nodes/HarvestInvoicing/transport/v1/invoiceFields';
import { fakeSingleContext } from './fakeContext';

const LISTED = {
	id: 6763297,
	client_id: 1929151,
	client_name: 'Your Client!',
	number: '1',
	issued_at: '2015-04-22',
	due_at: '2015-05-22',
	amount: 100,
	due_amount: 40,
	currency: 'United States Dollar - USD',
	state: 'partial',
	notes: 'Some notes go here.',
	updated_at: '2015-04-21T18:42:02Z',
	client_key: '43d9',
	client_dashboard_url: 'https://acme.harvestapp.com/client/invoices/43d9',
};

const SIMPLE = {
	id: 6763297,
	number: '1',
	client_id: 1929151,
	client_name: 'Your Client!',
	amount: 100,
	due_amount: 40,
	currency_code: 'USD',
	state: 'partial',
	issued_at: '2015-04-22',
	due_at: '2015-05-22',
	updated_at: '2015-04-21T18:42:02Z',
	client_dashboard_url: 'https://acme.harvestapp.com/client/invoices/43d9',
};

describe('simplifyInvoice', () => {
	it('keeps the fields people map, with the currency as its code', () => {
		expect(simplifyInvoice(LISTED, V1_INVOICE_FIELDS)).toEqual(SIMPLE);
	});

	it('keeps every key, null when Harvest gave none (a single invoice has no client name)', () => {
		const { client_name: _name, currency: _currency, ...single } = LISTED;
		expect(simplifyInvoice(single, V1_INVOICE_FIELDS)).toEqual({ ...SIMPLE, client_name: null, currency_code: null });
	});
});

describe('simplifyInvoiceItems (Invoice > Get and Get Many postReceive)', () => {
	const items = [{ json: LISTED, pairedItem: { item: 0 } }];

	it('cuts each item down when Simplify is on, keeping the pairing', async () => {
		const { context } = fakeSingleContext({ parameters: { simple: true } });
		expect(await simplifyInvoiceItems.call(context, items)).toEqual([{ json: SIMPLE, pairedItem: { item: 0 } }]);
	});

	it('passes items through when Simplify is off or absent (workflows saved before it existed)', async () => {
		for (const parameters of [{ simple: false }, {}]) {
			const { context } = fakeSingleContext({ parameters });
			expect(await simplifyInvoiceItems.call(context, items)).toBe(items);
		}
	});
});
