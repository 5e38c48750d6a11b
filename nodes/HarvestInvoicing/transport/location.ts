import type { IDataObject } from 'n8n-workflow';

/**
 * The id of the record a create (or update) answer points to. Harvest answers `201` with
 * `Location: /invoices/{id}` (or `/invoices/{id}/payments/{pid}`), sometimes a full URL, and the
 * older docs misspell the path (`/invoice/{id}`): the last numeric segment is the record's id.
 */
export function idFromLocation(headers: IDataObject | undefined): string | undefined {
	const key = Object.keys(headers ?? {}).find((name) => name.toLowerCase() === 'location');
	if (key === undefined) return undefined;
	const raw = (headers as IDataObject)[key];
	const location = String(Array.isArray(raw) ? raw[0] : raw ?? '');
	const path = location.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0];
	const match = /\/(\d{1,18})\/?$/.exec(path);
	return match ? match[1] : undefined;
}
