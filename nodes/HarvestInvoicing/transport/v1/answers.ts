import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { DecodedBody } from '../decodedBody';
import { withInvoiceExtras } from './invoiceExtras';
import { harvestSubdomain } from './connection';
import { decodeHarvestBody } from './records';
import { dataFormatOf } from './wireFormat';

/** A classic answer's records: wrappers taken off, in the credential's format (its records name their kind). */
export function v1DecodeBody(credentials: ICredentialDataDecryptedObject, body: unknown): DecodedBody {
	return decodeHarvestBody(body, dataFormatOf(credentials));
}

/** The format named when an answer cannot be read. */
export function v1BodyFormatName(credentials: ICredentialDataDecryptedObject): string {
	return dataFormatOf(credentials).toUpperCase();
}

/** Invoices get their dashboard link (from the subdomain) and parsed line items at once. */
export function v1RecordExtras(credentials: ICredentialDataDecryptedObject, decoded: DecodedBody): DecodedBody {
	if (decoded.kind !== 'invoice') return decoded;
	const subdomain = harvestSubdomain(credentials);
	decoded.records = decoded.records.map((invoice: IDataObject) => withInvoiceExtras(invoice, subdomain));
	return decoded;
}
