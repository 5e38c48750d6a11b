import type { IDataObject } from 'n8n-workflow';

import type { DataFormat } from './wireFormat';
import { encodeXml } from './xmlCodec';

/**
 * A request body `{ root: record }` on the wire: JSON keeps it as it is (Harvest's JSON wrapper),
 * XML becomes `<root>` with kebab-case, typed elements.
 */
export function encodeHarvestBody(format: DataFormat, body: IDataObject): IDataObject | string {
	if (format === 'json') return body;
	const [root, record] = Object.entries(body)[0] ?? ['record', {}];
	return encodeXml(root, (record ?? {}) as Record<string, unknown>);
}
