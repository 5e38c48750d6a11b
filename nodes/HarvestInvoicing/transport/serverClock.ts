import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { headerValue } from './headers';
import { harvestAccountKey } from './rateBudget';

/** The day each account's Harvest last said it was (its answers' `Date` header), as `YYYY-MM-DD`. */
const serverDays = new Map<string, string>();

/**
 * Remembers Harvest's own date from an answer (both APIs send `Date`). "Past due" means due before
 * Harvest's today; v1 lists it (`status=pastdue`), v2 does not, so the node tells it from the due
 * date and Harvest's clock, never this machine's (which may be off, or in a test, months away).
 */
export function noteServerDate(credentials: ICredentialDataDecryptedObject, headers: IDataObject | undefined): void {
	const ms = Date.parse(headerValue(headers ?? {}, 'date') ?? '');
	if (Number.isNaN(ms)) return;
	serverDays.set(harvestAccountKey(credentials), new Date(ms).toISOString().slice(0, 10));
}

/** Harvest's today for the account, or this machine's (UTC) before any answer came. */
export function serverToday(credentials: ICredentialDataDecryptedObject): string {
	return serverDays.get(harvestAccountKey(credentials)) ?? new Date().toISOString().slice(0, 10);
}
