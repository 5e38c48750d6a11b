import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import type { DecodedBody } from '../decodedBody';
import type { V2Request } from './index';

/**
 * Get of one message or payment on v2, which lists them only: the record asked for, from the list,
 * or the 404 Harvest's v1 would have answered.
 */
export function pickedRecord(node: INode, decoded: DecodedBody, pick: NonNullable<V2Request['pick']>): DecodedBody {
	const record = decoded.records.find((candidate: IDataObject) => Number(candidate.id) === pick.id);
	if (record) return { ...decoded, isList: false, records: [record], next: undefined };
	throw new NodeApiError(node, { message: `No ${pick.kind} ${pick.id}` } as JsonObject, {
		httpCode: '404',
		message: `Harvest has no ${pick.kind} ${pick.id} on this invoice (HTTP 404)`,
		description: `Check the ${pick.kind === 'message' ? 'Message' : 'Payment'} ID: the invoice's ${pick.kind}s (Get Many) show the IDs it has.`,
	});
}
