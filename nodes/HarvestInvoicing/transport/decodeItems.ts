import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { JsonObject } from 'n8n-workflow';

import { dialectOf } from './dialect';
import { harvestApiError, isHttpFailure, type HarvestHttpResponse } from './errors';
import { refuseRedirect } from './redirects';
import { refuseOversizedAnswer } from './responseLimits';
import type { DecodedBody } from './decodedBody';
import { credentialSecrets, redactSecrets } from './secrets';
import { noteServerDate } from './serverClock';
import { refuseWebPage } from './webPage';

/**
 * One Harvest answer -> the records it holds, ready for items: errors become NodeApiErrors,
 * bodies are decoded from either format, wrappers removed, invoices get their extras.
 */
export function decodeHarvestResponse(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	response: HarvestHttpResponse,
	/** The path asked (some APIs tell single records apart by it). */
	path = '',
): DecodedBody {
	const dialect = dialectOf(credentials);
	const secrets = credentialSecrets(credentials);
	// Every answer tells Harvest's date, the one "past due" is measured by (serverClock.ts).
	noteServerDate(credentials, response.headers);
	refuseOversizedAnswer(node, response);
	refuseRedirect(node, response, secrets);
	if (isHttpFailure(response)) throw harvestApiError(node, response, secrets, dialect.errors);
	refuseWebPage(node, response);
	let decoded: DecodedBody;
	try {
		decoded = dialect.decodeBody(credentials, response.body, path);
	} catch (error) {
		// Parsers quote what they could not read (JSON.parse the body's start, the XML reader its
		// names): a server echoing the login there would show it, so secrets are taken out first.
		const reason = redactSecrets((error as Error).message, secrets);
		throw new NodeApiError(node, { message: reason } as JsonObject, {
			httpCode: String(response.statusCode),
			message: 'Harvest sent an answer that could not be read',
			description: `The body could not be read as Harvest ${dialect.bodyFormatName(credentials)} (${reason}). This is usually a passing problem at Harvest or a proxy; try again.`,
		});
	}
	return dialect.recordExtras(credentials, decoded);
}
