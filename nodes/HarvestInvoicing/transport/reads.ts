import type { IDataObject } from 'n8n-workflow';

import type { DecimalSymbol } from '../shared/numberFormat';
import { requireUsableCredential } from './credentialCheck';
import { harvestCredentialType } from './credentialType';
import type { DecodedBody } from './decodedBody';
import { dialectOf, type HarvestContext } from './dialect';

/** An id already validated as a Harvest ID (see idParameter.ts). */
type Id = string | number;

/**
 * What a programmatic read wants, in no API's words: each dialect knows where its API answers it
 * (transport/v1/reads.ts, transport/v2/reads.ts). Records come back in that API's own shape.
 */
export type HarvestRead =
	| { read: 'clients' }
	| { read: 'client'; id: Id }
	| { read: 'clientContacts'; clientId: Id }
	/** Every project, or the client's. */
	| { read: 'projects'; clientId?: Id }
	| { read: 'categories' }
	| { read: 'invoice'; id: Id }
	/** One page (1-based) of the invoice list, PAGE_SIZE invoices, for a person scrolling a picker. */
	| { read: 'invoicePage'; page: number }
	/**
	 * One page of the invoice list for the trigger, asked with the query the dialect's
	 * `invoiceWatchQuery` spelled (invoiceWatch.ts walks the pages).
	 */
	| { read: 'invoiceList'; qs: IDataObject }
	| { read: 'invoiceMessage'; invoiceId: Id; id: Id }
	| { read: 'invoicePayment'; invoiceId: Id; id: Id }
	/** Every payment of an invoice. */
	| { read: 'invoicePayments'; invoiceId: Id };

/** Dropdowns, read-backs, searches and the trigger read through here: same codec, errors and retries as operations. */
export async function harvestRead(this: HarvestContext, read: HarvestRead): Promise<DecodedBody> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	requireUsableCredential(this.getNode(), credentials);
	return await dialectOf(credentials).read(this, credentials, read);
}

/** The account's decimal symbol, for csv-line-items written with decimal commas. */
export async function accountDecimalSymbol(this: HarvestContext): Promise<DecimalSymbol> {
	const credentials = await this.getCredentials(harvestCredentialType(this));
	requireUsableCredential(this.getNode(), credentials);
	return await dialectOf(credentials).decimalSymbol(this, credentials);
}
