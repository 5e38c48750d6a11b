import { NodeOperationError } from 'n8n-workflow';

import {
	contactEmails,
	sendToClientContacts,
} from '../../../../nodes/HarvestInvoicing/resources/message/hooks/sendToClientContacts';
import { v1Wire } from '../../v1Wire';
import { answer, fakeContext, locator, requestWithBody } from '../fakeContext';

describe('contactEmails', () => {
	it("picks each contact's email address in order, without duplicates", () => {
		expect(
			contactEmails([
				{ id: 1, first_name: 'Ann', email: ' ann@acme.example ' },
				{ id: 2, first_name: 'Bob', email: 'bob@acme.example' },
				{ id: 3, first_name: 'Ann again', email: 'ANN@acme.example' },
			]),
		).toEqual(['ann@acme.example', 'bob@acme.example']);
	});

	it('leaves out contacts without a usable email address', () => {
		expect(
			contactEmails([
				{ id: 1, email: '' },
				{ id: 2, email: null },
				{ id: 3 },
				{ id: 4, email: 'n/a' },
				{ id: 5, email: 'cy@acme.example' },
			]),
		).toEqual(['cy@acme.example']);
		expect(contactEmails([])).toEqual([]);
	});
});

describe('sendToClientContacts', () => {
	const invoice = answer(200, { invoice: { id: 5, client_id: 9 } });

	it("sends to the contacts of the invoice's client", async () => {
		const { context, requests } = fakeContext({
			parameters: { sendTo: 'clientContacts', invoiceId: locator('5') },
			answers: {
				'GET /invoices/5': invoice,
				'GET /clients/9/contacts': answer(200, [
					{ contact: { id: 1, client_id: 9, email: 'ann@acme.example' } },
					{ contact: { id: 2, client_id: 9, email: 'bob@acme.example' } },
				]),
			},
		});
		const options = await sendToClientContacts.call(context, requestWithBody({ message: { subject: 'Hi' } }));
		expect(await v1Wire('message:send', options.body)).toEqual({ message: { subject: 'Hi', recipients: 'ann@acme.example, bob@acme.example' } });
		expect(requests).toEqual(['GET /invoices/5', 'GET /clients/9/contacts']);
	});

	it('changes nothing when sending to the addresses entered (the default)', async () => {
		const { context, requests } = fakeContext({ parameters: { invoiceId: locator('5') } });
		const options = await sendToClientContacts.call(context, requestWithBody({ message: { recipients: 'a@b.example' } }));
		expect(options.body).toEqual({ message: { recipients: 'a@b.example' } });
		expect(requests).toEqual([]);
	});

	it('refuses a client without a contact with an email address, naming the client', async () => {
		const { context } = fakeContext({
			itemIndex: 2,
			parameters: { sendTo: 'clientContacts', invoiceId: locator('5') },
			answers: {
				'GET /invoices/5': invoice,
				'GET /clients/9/contacts': answer(200, [{ contact: { id: 1, client_id: 9, email: '' } }]),
				'GET /clients/9': answer(200, { client: { id: 9, name: 'Acme Rockets' } }),
			},
		});
		const error = await sendToClientContacts.call(context, requestWithBody({})).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe(
			'Client "Acme Rockets" has no contact with an email address, so invoice 5 was not sent: add a contact with an email address to the client in Harvest, or set Send To to Email Addresses',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(2);
	});
});
