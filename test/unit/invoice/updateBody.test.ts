import type { IDataObject } from 'n8n-workflow';

import { prepareInvoiceUpdate } from '../../../nodes/HarvestInvoicing/resources/invoice/hooks/updateBody';
import { v1Wire } from '../v1Wire';
import { fakeSingleContext } from './fakeContext';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

const run = async (invoice: IDataObject | undefined, parameters: IDataObject = {}) => {
	const { context } = fakeSingleContext({ parameters });
	const options = await prepareInvoiceUpdate.call(context, {
		url: '/invoices/{invoiceId}',
		method: 'PUT',
		body: invoice === undefined ? {} : { invoice },
	});
	return (await v1Wire('invoice:update', options.body, { ids: { invoiceId: '1' } })).invoice as IDataObject;
};

describe('prepareInvoiceUpdate (Invoice > Update preSend)', () => {
	it('sends only the fields given, and never line items unless asked', async () => {
		const invoice = await run({ subject: 'New subject', discount: 5 }, { updateFields: { subject: 'New subject', discount: 5 } });
		expect(invoice).toEqual({ subject: 'New subject', discount: 5 });
	});

	it('sends due terms alone', async () => {
		expect(await run(undefined, { updateFields: { dueTerms: 'uponReceipt' } })).toEqual({ due_at_human_format: 'upon receipt' });
	});

	it('replaces line items when Change Line Items is on (a workflow saved without Line Items Change replaces)', async () => {
		const invoice = await run(undefined, {
			replaceLineItems: true,
			lineItemsInput: 'editor',
			lineItems: { lineItem: [{ kind: 'Service', description: 'x', quantity: 1, unitPrice: 5 }] },
		});
		expect(invoice).toEqual({ csv_line_items: `${HEADER}\nService,x,1.0,5.0,5.0,false,false,\n` });
	});

	it('accepts raw CSV with only the header: removing every line on purpose', async () => {
		const invoice = await run(undefined, { replaceLineItems: true, lineItemsInput: 'csv', csvLineItems: `${HEADER}\n` });
		expect(invoice).toEqual({ csv_line_items: `${HEADER}\n` });
	});

	it('refuses an update with nothing to change', async () => {
		await expect(run(undefined, {})).rejects.toThrow('Nothing to update: no field was given');
		await expect(run({ number: '  ' }, { updateFields: { number: '  ' } })).rejects.toThrow(/Nothing to update/);
		await expect(run(undefined, { replaceLineItems: false, lineItems: { lineItem: [{ kind: 'Service' }] } })).rejects.toThrow(
			/Nothing to update/,
		);
	});

	it('refuses to wipe every line item with an empty editor', async () => {
		await expect(run({ subject: 'x' }, { replaceLineItems: true, lineItemsInput: 'editor' })).rejects.toThrow(
			/Line Items is empty: replacing with no lines would delete every line item/,
		);
	});

	it.each([
		[{ clientId: 'abc' }, /Client must be a Harvest ID/],
		[{ periodStart: '2026-05-10', periodEnd: '2026-05-01' }, /Period End \(2026-05-01\) is before Period Start/],
		[{ tax: 'lots' }, /Tax \(%\) must be a number/],
	])('refuses %j before any request', async (invoice, message) => {
		await expect(run(invoice)).rejects.toThrow(message);
	});
});
