import type { IDataObject } from 'n8n-workflow';

import { applyDueTerms, normalizeEditableFields } from '../../../nodes/HarvestInvoicing/resources/invoice/hooks/invoiceBody';
import { v1Wire } from '../v1Wire';
import { TEST_NODE, fakeSingleContext } from './fakeContext';

describe('normalizeEditableFields', () => {
	it('checks and converts what the routing put into the invoice record', async () => {
		const invoice: IDataObject = {
			clientId: '1001',
			issueDate: '2026-05-01T00:00:00',
			periodStart: '2026-04-01',
			tax: 8,
			tax2: '2.5',
			discount: 10,
			number: ' 2026-042 ',
			currency: '',
			subject: '',
			notes: 'Thanks, "friend"',
		};
		normalizeEditableFields(TEST_NODE, invoice, 0);
		expect((await v1Wire('invoice:update', { invoice })).invoice).toEqual({
			client_id: 1001,
			issued_at: '2026-05-01',
			period_start: '2026-04-01',
			tax: 8,
			tax2: 2.5,
			discount: 10,
			number: '2026-042',
			subject: '',
			notes: 'Thanks, "friend"',
		});
	});

	it.each([
		[{ clientId: 'Acme' }, /Client must be a Harvest ID/],
		[{ issueDate: 'soon' }, /Issue Date must be a date/],
		[{ periodEnd: '2026-13-01' }, /Period End must be a date/],
		[{ tax: -1 }, /Tax \(%\) must be .*at least 0/],
		[{ tax2: '5,5' }, /Tax 2 \(%\) must be a number with a decimal point/],
		[{ discount: 150 }, /Discount \(%\) must be .*at most 100/],
	])('refuses %j naming the field', (invoice, message) => {
		expect(() => normalizeEditableFields(TEST_NODE, invoice as IDataObject, 0)).toThrow(message);
	});
});

describe('applyDueTerms', () => {
	it('sets the due terms from Due Terms and Due In (Days): NET 21 on the classic API', async () => {
		const invoice: IDataObject = {};
		const { context } = fakeSingleContext({ parameters: { updateFields: { dueTerms: 'custom', dueInDays: 21 } } });
		applyDueTerms.call(context, invoice, 'updateFields');
		expect(invoice).toEqual({ dueTerms: { term: 'custom', days: 21 } });
		expect((await v1Wire('invoice:update', { invoice })).invoice).toEqual({ due_at_human_format: 'NET 21' });
	});

	it('leaves the record alone when Due Terms is not set', () => {
		const invoice: IDataObject = {};
		const { context } = fakeSingleContext({ parameters: { additionalFields: { dueInDays: 21 } } });
		applyDueTerms.call(context, invoice, 'additionalFields');
		expect(invoice).toEqual({});
	});
});
