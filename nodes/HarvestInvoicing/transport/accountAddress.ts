import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { apiVersionOf } from './apiVersion';
import { harvestSubdomain } from './v1/connection';
import { v2DashboardBase } from './v2/send';

/**
 * The account's web address (`https://acme.harvestapp.com`), for links to Harvest's own pages:
 * from the subdomain on the classic API, from `/v2/company` on v2 (read once per account).
 * Undefined when v2 does not say it.
 */
export async function accountWebAddress(
	this: ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
): Promise<string | undefined> {
	if (apiVersionOf(credentials) === 'v1') return `https://${harvestSubdomain(credentials)}.harvestapp.com`;
	return await v2DashboardBase.call(this, credentials);
}
