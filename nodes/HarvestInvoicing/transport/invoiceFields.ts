import { harvestCredentialType } from './credentialType';
import { dialectOf, type HarvestContext, type InvoiceFields } from './dialect';

/** Where the context's API keeps an invoice's client and dates (see each dialect's `invoiceFields`). */
export async function invoiceFieldsOf(context: HarvestContext): Promise<InvoiceFields> {
	return dialectOf(await context.getCredentials(harvestCredentialType(context))).invoiceFields;
}
