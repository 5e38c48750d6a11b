import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IExecuteSingleFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { dialectOf } from './dialect';
import { harvestCredentialType } from './credentialType';

/**
 * Checks the credential the way its `authenticate` will, before a request exists. Inside n8n's
 * HTTP helper the same mistake surfaces as a failed connection, which for a write reads as "unknown
 * whether the change was made"; here it is what it is: a field to fix, and nothing was sent.
 */
export function requireUsableCredential(node: INode, credentials: ICredentialDataDecryptedObject, itemIndex?: number): void {
	try {
		dialectOf(credentials).checkCredential(credentials);
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message, {
			itemIndex,
			description: 'Fix it in the Harvest Invoicing API credential. Nothing was sent to Harvest.',
		});
	}
}

/** preSend for every operation: the credential check above, per item. */
export async function checkCredential(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requireUsableCredential(this.getNode(), await this.getCredentials(harvestCredentialType(this)), this.getItemIndex());
	return requestOptions;
}
