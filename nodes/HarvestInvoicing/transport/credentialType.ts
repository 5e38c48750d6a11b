import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

/** The credential of a personal access token (v2) or a classic login (v1). */
export const API_CREDENTIAL_TYPE = 'harvestInvoicingApi';

/** The OAuth 2 credential (Harvest ID), always Harvest API v2. */
export const HARVEST_ID_SIGN_IN_TYPE = 'harvestInvoicingOAuth2Api';

/**
 * Which credential type a node uses, by its Authentication parameter. Read from the stored node
 * parameters: Authentication takes no expression, and every context (item, poll, dropdown) has it.
 */
export function harvestCredentialType(context: { getNode(): INode }): string {
	return context.getNode().parameters.authentication === 'oAuth2' ? HARVEST_ID_SIGN_IN_TYPE : API_CREDENTIAL_TYPE;
}

/** An OAuth 2 credential's data: n8n signs its requests itself; the node adds account and agent. */
export function isOAuth2Credential(credentials: ICredentialDataDecryptedObject): boolean {
	return credentials.oauthTokenData !== undefined || credentials.accessTokenUrl !== undefined;
}
