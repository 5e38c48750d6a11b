import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

import { harvestSubdomain } from './connection';
import { harvestApiError, isHttpFailure, type HarvestHttpResponse } from './errors';
import { withInvoiceExtras } from './invoiceExtras';
import { refuseRedirect } from './redirects';
import { refuseOversizedAnswer } from './responseLimits';
import { decodeHarvestBody, type DecodedBody } from './records';
import { credentialSecrets } from './secrets';
import { refuseWebPage } from './webPage';
import { dataFormatOf } from './wireFormat';

/**
 * One Harvest answer -> the records it holds, ready for items: errors become NodeApiErrors,
 * bodies are decoded from either format, wrappers removed, invoices get their extras.
 */
export function decodeHarvestResponse(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	response: HarvestHttpResponse,
): DecodedBody {
	const secrets = credentialSecrets(credentials);
	refuseOversizedAnswer(node, response);
	refuseRedirect(node, response, secrets);
	if (isHttpFailure(response)) throw harvestApiError(node, response, secrets);
	refuseWebPage(node, response);
	let decoded: DecodedBody;
	try {
		decoded = decodeHarvestBody(response.body, dataFormatOf(credentials));
	} catch (error) {
		throw new NodeApiError(node, { message: (error as Error).message } as JsonObject, {
			httpCode: String(response.statusCode),
			message: 'Harvest sent an answer that could not be read',
			description: `The body could not be read as Harvest ${dataFormatOf(credentials).toUpperCase()} (${(error as Error).message}). This is usually a passing problem at Harvest or a proxy; try again.`,
		});
	}
	if (decoded.kind === 'invoice') {
		const subdomain = harvestSubdomain(credentials);
		decoded.records = decoded.records.map((invoice: IDataObject) => withInvoiceExtras(invoice, subdomain));
	}
	return decoded;
}
