import { NodeApiError } from 'n8n-workflow';
import type { IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';

/**
 * Runs the reads that follow a write Harvest has already accepted (the record behind `Location`,
 * the invoice's new state). If one of them fails, the error says the change was made, and it
 * carries the write's own HTTP status: the retry rules then see an answered request and never
 * send the payment or the email a second time.
 */
export async function readBackAfterWrite<T>(
	node: INode,
	response: IN8nHttpFullResponse,
	change: string,
	read: () => Promise<T>,
): Promise<T> {
	try {
		return await read();
	} catch (error) {
		const { message, description } = error as { message?: string; description?: string | null };
		const reason = [message, description].filter(Boolean).join(': ');
		throw new NodeApiError(node, { message: reason } as JsonObject, {
			httpCode: String(response.statusCode),
			message: `Harvest ${change}, but reading the result back failed`,
			description: `${reason ? `${reason}. ` : ''}The change was not sent again: check it with a Get operation or in Harvest before running this again.`,
		});
	}
}
