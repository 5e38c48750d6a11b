import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { isEmailAddress } from '../../../shared/emails';
import { oncePerExecution } from '../../../shared/executionMemo';
import { idParameter } from '../../../transport/idParameter';
import { invoiceFieldsOf } from '../../../transport/invoiceFields';
import { readInvoice } from '../../../transport/invoiceStatus';
import { harvestRead } from '../../../transport/reads';
import { wrappedRecord } from '../../../transport/requestBody';

/**
 * The email addresses of a client's contacts (records of `GET /clients/{id}/contacts`), in
 * Harvest's order: contacts without a usable address are left out, duplicates dropped.
 */
export function contactEmails(contacts: IDataObject[]): string[] {
	const seen = new Set<string>();
	const emails: string[] = [];
	for (const contact of contacts) {
		const email = typeof contact.email === 'string' ? contact.email.trim() : '';
		if (!isEmailAddress(email) || seen.has(email.toLowerCase())) continue;
		seen.add(email.toLowerCase());
		emails.push(email);
	}
	return emails;
}

/** The invoice each item read before sending (keyed by the item's context), for its read-back. */
const invoicesReadBeforeSend = new WeakMap<object, IDataObject>();

/** The invoice as read just before this item's send, when Send To "Client's Contacts" read it. */
export function invoiceReadBeforeSend(context: IExecuteSingleFunctions): IDataObject | undefined {
	return invoicesReadBeforeSend.get(context);
}

/**
 * preSend of Message > Send with Send To "Client's Contacts": reads the invoice for its client,
 * then the client's contacts, and sends to each contact's email address. Runs before
 * validateRecipients; with Send To "Email Addresses" (the default) it changes nothing.
 */
export async function sendToClientContacts(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('sendTo', 'emails') !== 'clientContacts') return requestOptions;
	const invoiceId = idParameter(this, 'invoiceId', 'Invoice');
	const invoice = await readInvoice.call(this, invoiceId);
	invoicesReadBeforeSend.set(this, invoice);
	const clientId = String((await invoiceFieldsOf(this)).clientId(invoice) ?? '').trim();
	if (!/^\d+$/.test(clientId)) {
		throw new NodeOperationError(this.getNode(), `Invoice ${invoiceId} has no client to send it to`, {
			itemIndex: this.getItemIndex(),
		});
	}
	// A reminder run sends many invoices of few clients: each client's contacts are read once.
	const records = await oncePerExecution(this, `contacts of client ${clientId}`, async () => {
		return (await harvestRead.call(this, { read: 'clientContacts', clientId })).records;
	});
	const emails = contactEmails(records);
	if (emails.length === 0) {
		const client = await clientName.call(this, clientId);
		throw new NodeOperationError(
			this.getNode(),
			`${client} has no contact with an email address, so invoice ${invoiceId} was not sent: add a contact with an email address to the client in Harvest, or set Send To to Email Addresses`,
			{ itemIndex: this.getItemIndex() },
		);
	}
	wrappedRecord(requestOptions, 'message').recipients = emails;
	return requestOptions;
}

/** `Client "Name"` for an error message, or `Client 123` when the name cannot be read. */
async function clientName(this: IExecuteSingleFunctions, clientId: string): Promise<string> {
	try {
		const { records } = await harvestRead.call(this, { read: 'client', id: clientId });
		const name = records[0]?.name;
		if (typeof name === 'string' && name.trim() !== '') return `Client "${name.trim()}"`;
	} catch {
		// The name only decorates the message; the missing contacts are the error to report.
	}
	return `Client ${clientId}`;
}
