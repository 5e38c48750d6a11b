import { NodeApiError } from 'n8n-workflow';
import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { harvestErrorMessage } from '../../../transport/errors';
import { credentialSecrets } from '../../../transport/secrets';
import { harvestCredentialType } from '../../../transport/credentialType';

/**
 * postReceive of Category > Delete, placed before the shared decoder: Harvest refuses to delete
 * its two default categories (hours and expenses) with a bare `400 Bad Request`, which the
 * generic message would leave unexplained. Harvest v2 refuses the same delete with a 422 (a
 * category can be deleted only while use_as_service and use_as_expense are both false), so that
 * status gets the same explanation. Other answers pass through unchanged.
 */
export async function explainDefaultCategoryDelete(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode !== 400 && response.statusCode !== 422) return items;
	const credentials = await this.getCredentials(harvestCredentialType(this));
	const harvestSays = harvestErrorMessage(response.body, credentialSecrets(credentials));
	throw new NodeApiError(this.getNode(), { message: harvestSays ?? 'Bad Request' } as JsonObject, {
		httpCode: String(response.statusCode),
		message:
			'Harvest keeps its two default categories (for billed hours and for billed expenses): they cannot be deleted',
		description: `${harvestSays ? `Harvest says: ${harvestSays}. ` : ''}A default category can be renamed instead, with Category > Update.`,
		itemIndex: this.getItemIndex(),
	});
}
