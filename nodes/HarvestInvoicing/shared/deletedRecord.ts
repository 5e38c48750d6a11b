import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { idParameter, idValue } from '../transport/idParameter';

export interface IdSource {
	/** The node parameter holding the ID, e.g. `messageId`. */
	parameter: string;
	/** Its display name, for the error when it is not a valid ID. */
	field: string;
}

/**
 * The output item of a delete. Harvest answers `200 OK` with no body, so the item says what
 * was deleted, with the IDs a following node may need (`{ id, invoice_id, deleted: true }`).
 */
export function deletedRecord(context: IExecuteSingleFunctions, ids: Record<string, IdSource>): IDataObject {
	const record: IDataObject = {};
	for (const [key, source] of Object.entries(ids)) {
		record[key] = idValue(idParameter(context, source.parameter, source.field));
	}
	record.deleted = true;
	return record;
}
