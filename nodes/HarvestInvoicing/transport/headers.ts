import type { IDataObject } from 'n8n-workflow';

/** A response header by name, whatever its case; the first value when it came more than once. */
export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const key = Object.keys(headers ?? {}).find((header) => header.toLowerCase() === wanted);
	if (key === undefined) return undefined;
	const value = (headers as IDataObject)[key];
	return String(Array.isArray(value) ? value[0] : value);
}
