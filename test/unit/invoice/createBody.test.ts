import type { IDataObject } from 'n8n-workflow';

import { prepareInvoiceCreate } from '../../../nodes/HarvestInvoicing/resources/invoice/hooks/createBody';
import { v1Wire } from '../v1Wire';
import { fakeSingleContext } from './fakeContext';

const HEADER = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id';

const run = async (invoice: IDataObject, parameters: IDataObject = {}) => {
	const { context, calls } = fakeSingleContext({ parameters });
	const options = await prepareInvoiceCreate.call(context, { url: '/invoices', method: 'POST', body: { invoice } });
	expect(calls).toHaveLength(0);
	return (await v1Wire('invoice:create', options.body)).invoice as IDataObject;
};

describe('prepareInvoiceCreate (Invoice > Create preSend)', () => {
	it('builds a free-form invoice: quoted csv_line_items from the editor, due terms, checked fields', async () => {
		const invoice = await run(
			{ clientId: '1001', type: 'free_form', issueDate: '2026-05-01T00:00:00', subject: 'May' },
			{
				lineItemsInput: 'editor',
				lineItems: {
					lineItem: [
						{ kind: 'Service', description: 'Design, "v2"\nphase 1', quantity: 10, unitPrice: 95, taxed: true, taxed2: false, projectId: '' },
						{ kind: 'Product', description: 'Café ☕', quantity: 1, unitPrice: 0.5, taxed: false, taxed2: true, projectId: '2001' },
					],
				},
				additionalFields: { dueTerms: 'net30' },
			},
		);
		expect(invoice).toEqual({
			client_id: 1001,
			kind: 'free_form',
			issued_at: '2026-05-01',
			subject: 'May',
			due_at_human_format: 'NET 30',
			csv_line_items: `${HEADER}\nService,"Design, ""v2""\nphase 1",10.0,95.0,950.0,true,false,\nProduct,Café ☕,1.0,0.5,0.5,false,true,2001\n`,
		});
	});

	it('sends checked raw CSV as it is', async () => {
		const csv = `${HEADER}\nService,"A, b",1.00,100.00,100.0,false,false,\n`;
		const invoice = await run({ clientId: 1001, type: 'free_form' }, { lineItemsInput: 'csv', csvLineItems: csv });
		expect(invoice.csv_line_items).toBe(csv);
	});

	it('builds an invoice from tracked time: project IDs joined, import choices in Harvest words, periods as dates', async () => {
		const invoice = await run({
			clientId: '1001',
			type: 'task',
			fromTrackedTime: { projectIds: ['2001', '2002'], hours: 'period', expenses: 'none' },
			periodStart: '2026-05-01T00:00:00',
			periodEnd: '2026-05-31T00:00:00',
		});
		expect(invoice).toEqual({
			client_id: 1001,
			kind: 'task',
			projects_to_invoice: '2001,2002',
			import_hours: 'yes',
			period_start: '2026-05-01',
			period_end: '2026-05-31',
			import_expenses: 'no',
		});
		expect(invoice).not.toHaveProperty('csv_line_items');
	});

	it.each([
		[{ type: 'free_form' }, {}, /Client is empty/],
		[{ clientId: '', type: 'free_form' }, {}, /Client is empty/],
		[{ clientId: 'x1', type: 'free_form' }, {}, /Client must be a Harvest ID/],
		[{ clientId: 1, type: 'estimate' }, {}, /Invoice Type must be one of/],
		[{ clientId: 1, type: 'free_form' }, { lineItemsInput: 'csv', csvLineItems: 'kind,description\nService,x' }, /Line Items \(CSV\) is not usable: the first line must be the header/],
		[{ clientId: 1, type: 'free_form' }, { lineItems: { lineItem: [{ kind: 'Service', quantity: 'two', unitPrice: 1 }] } }, /Line Items > line 1 > Quantity/],
		[{ clientId: 1, type: 'project', fromTrackedTime: { projectIds: [] } }, {}, /Projects to Invoice is empty/],
		[{ clientId: 1, type: 'project', fromTrackedTime: { projectIds: ['a'] } }, {}, /Projects to Invoice must be a Harvest ID/],
		[{ clientId: 1, type: 'project', fromTrackedTime: { projectIds: ['1'], hours: 'some' } }, {}, /Import Hours must be one of all, period, none/],
		[{ clientId: 1, type: 'project', fromTrackedTime: { projectIds: ['1'], hours: 'period' }, periodStart: '2026-06-01', periodEnd: '2026-05-01' }, {}, /Period End \(2026-05-01\) is before Period Start/],
		[{ clientId: 1, type: 'project', fromTrackedTime: { projectIds: ['1'], expenses: 'period', expensePeriod: { from: '', to: '2026-05-01' } } }, {}, /Expense Period Start must be a date/],
		[{ clientId: 1, type: 'free_form' }, { additionalFields: { dueTerms: 'custom', dueInDays: -3 } }, /Due In \(Days\) must be/],
	])('refuses %j before any request', async (invoice, parameters, message) => {
		await expect(run(invoice, parameters)).rejects.toThrow(message);
	});

	it('creates the wrapper when no field routed anything, so the check names the missing client', async () => {
		const { context } = fakeSingleContext();
		await expect(prepareInvoiceCreate.call(context, { url: '/invoices' })).rejects.toThrow(/Client is empty/);
	});
});
