import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

import { apiVersionOf } from './apiVersion';
import { dialectOf } from './dialect';
import { harvestSubdomain } from './v1/connection';
import { harvestApiError, isHttpFailure, type HarvestHttpResponse } from './errors';
import { withInvoiceExtras } from './invoiceExtras';
import { refuseRedirect } from './redirects';
import { refuseOversizedAnswer } from './responseLimits';
import { decodeHarvestBody, type DecodedBody } from './v1/records';
import { credentialSecrets, redactSecrets } from './secrets';
import { refuseWebPage } from './webPage';
import { decodeV2Body } from './v2';
import { dataFormatOf } from './v1/wireFormat';

/**
 * One Harvest answer -> the records it holds, ready for items: errors become NodeApiErrors,
 * bodies are decoded from either format, wrappers removed, invoices get their extras.
 */
export function decodeHarvestResponse(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	response: HarvestHttpResponse,
	/** The path asked (v2 tells single records apart by it; v1 by their wrapper). */
	path = '',
): DecodedBody {
	const v2 = apiVersionOf(credentials) === 'v2';
	const secrets = credentialSecrets(credentials);
	refuseOversizedAnswer(node, response);
	refuseRedirect(node, response, secrets);
	if (isHttpFailure(response)) throw harvestApiError(node, response, secrets, dialectOf(credentials).errors);
	refuseWebPage(node, response);
	let decoded: DecodedBody;
	try {
		decoded = v2 ? decodeV2Body(response.body, path) : decodeHarvestBody(response.body, dataFormatOf(credentials));
	} catch (error) {
		// Parsers quote what they could not read (JSON.parse the body's start, the XML reader its
		// names): a server echoing the login there would show it, so secrets are taken out first.
		const reason = redactSecrets((error as Error).message, secrets);
		throw new NodeApiError(node, { message: reason } as JsonObject, {
			httpCode: String(response.statusCode),
			message: 'Harvest sent an answer that could not be read',
			description: `The body could not be read as Harvest ${v2 ? 'v2 JSON' : dataFormatOf(credentials).toUpperCase()} (${reason}). This is usually a passing problem at Harvest or a proxy; try again.`,
		});
	}
	// v2 invoices get their dashboard link from the account's address, read separately (see request.ts).
	if (decoded.kind === 'invoice' && !v2) {
		const subdomain = harvestSubdomain(credentials);
		decoded.records = decoded.records.map((invoice: IDataObject) => withInvoiceExtras(invoice, subdomain));
	}
	return decoded;
}
