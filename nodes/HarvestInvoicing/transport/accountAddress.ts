import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { dialectOf } from './dialect';

/**
 * The account's web address (`https://acme.harvestapp.com`), for links to Harvest's own pages, as
 * the credential's API tells it (see each dialect's `webAddress`). Undefined when it does not say.
 */
export async function accountWebAddress(
	this: ILoadOptionsFunctions,
	credentials: ICredentialDataDecryptedObject,
): Promise<string | undefined> {
	return await dialectOf(credentials).webAddress(this, credentials);
}
