import type { IDataObject } from 'n8n-workflow';

import { prepareInvoiceCreate } from '../../../nodes/HarvestInvoicing/resources/invoice/hooks/createBody';
import { v1Wire } from '../v1Wire';
import { fakeSingleContext } from './fakeContext';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

const run = async (parameters: IDataObject) => {
	const { context, calls } = fakeSingleContext({ parameters });
	try {
		return await prepareInvoiceCreate.call(context, {
			url: '/invoices',
			method: 'POST',
			body: { invoice: { clientId: '1001', type: 'free_form' } },
		});
	} finally {
		expect(calls).toHaveLength(0);
	}
};

describe('prepareInvoiceCreate: a free-form invoice needs line items', () => {
	it.each([
		['an editor without lines', { lineItemsInput: 'editor', lineItems: {} }, 'Line Items is empty: a free-form invoice needs at least one line item'],
		['an editor left untouched', {}, 'Line Items is empty: a free-form invoice needs at least one line item'],
		['raw CSV with only the header', { lineItemsInput: 'csv', csvLineItems: `${HEADER}\n` }, 'Line Items (CSV) has no line item'],
		['raw CSV with the header and blank lines', { lineItemsInput: 'csv', csvLineItems: `${HEADER}\n\n\n` }, 'Line Items (CSV) has no line item'],
	])('refuses %s', async (_case, parameters, message) => {
		await expect(run(parameters)).rejects.toThrow(message);
	});

	it('accepts one line', async () => {
		const options = await run({ lineItemsInput: 'csv', csvLineItems: `${HEADER}\nService,Design,1,10,10,false,false,\n` });
		expect(((await v1Wire('invoice:create', options.body)).invoice as IDataObject).csv_line_items).toContain('Service,Design');
	});
});
