import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

/**
 * System errors of a connection that was never made (refused, host name not found): the request
 * did not leave this machine, so Harvest cannot have acted on it.
 */
const NEVER_SENT: Record<string, string> = {
	ECONNREFUSED: 'nothing accepted the connection there',
	ENOTFOUND: 'its host name was not found',
	EAI_AGAIN: 'its host name could not be looked up',
};

/** Why the request never left, when it did not; n8n keeps the system error's code in `httpCode`. */
export function neverSentReason(error: unknown): string | undefined {
	const failure = error as { httpCode?: unknown; code?: unknown; cause?: { code?: unknown } } | undefined;
	const code = [failure?.httpCode, failure?.code, failure?.cause?.code].find((value) => typeof value === 'string' && NEVER_SENT[value]);
	return code === undefined ? undefined : NEVER_SENT[code as string];
}

export function unreachable(node: INode, address: string | undefined, reason: string, error: unknown): NodeApiError {
	const where = address === undefined ? '' : ` at ${address}`;
	return new NodeApiError(node, { message: (error as Error)?.message ?? reason } as JsonObject, {
		message: `Harvest could not be reached${where} (${reason}), so nothing was changed`,
		description:
			'The request never left this n8n server. Check the Account Subdomain or the Custom Base URL in the Harvest Invoicing API credential, and that this server can reach that address.',
	});
}
