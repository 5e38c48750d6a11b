import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export type DataFormat = 'json' | 'xml';

export function dataFormatOf(credentials: ICredentialDataDecryptedObject): DataFormat {
	return credentials.dataFormat === 'xml' ? 'xml' : 'json';
}

/** Harvest v1 wants both headers on every call, in the same format; most failed calls miss one. */
export function wireHeaders(format: DataFormat): Record<string, string> {
	const type = format === 'xml' ? 'application/xml' : 'application/json';
	return { Accept: type, 'Content-Type': type };
}
