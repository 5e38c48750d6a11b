import type { IDataObject } from 'n8n-workflow';

/** The account's web address (`/v2/company`'s `base_uri`), kept per account: it does not change. */
const baseUris = new Map<string, Promise<string | undefined>>();

export async function companyBaseUri(account: string, load: () => Promise<IDataObject | undefined>): Promise<string | undefined> {
	let known = baseUris.get(account);
	if (known === undefined) {
		known = load().then((company) => {
			const uri = typeof company?.base_uri === 'string' ? company.base_uri.replace(/\/+$/, '') : undefined;
			return uri && /^https:\/\/[a-z0-9-]+\.harvestapp\.com$/i.test(uri) ? uri : undefined;
		});
		// A failed read is not kept: the next invoice tries again.
		known.catch(() => baseUris.delete(account));
		baseUris.set(account, known);
	}
	try {
		return await known;
	} catch {
		return undefined;
	}
}

/**
 * A v2 invoice plus what every invoice item carries on v1 too: the public client dashboard link
 * (built from `client_key` on the account's own address). v2 already lists line items as records.
 */
export function withV2InvoiceExtras(invoice: IDataObject, baseUri: string | undefined): IDataObject {
	if (typeof invoice.client_key !== 'string' || invoice.client_key === '' || baseUri === undefined) return invoice;
	return { ...invoice, client_dashboard_url: `${baseUri}/client/invoices/${invoice.client_key}` };
}
