import { LINE_ITEMS_HEADER } from '../lineItems';
import type { Sandbox } from '../index';
import { idFromLocation, type HarvestClient } from './client';

export const CSV_HEADER = LINE_ITEMS_HEADER.join(',');

/** csv-line-items from rows of fields (already quoted where needed). */
export function csv(...rows: string[]): string {
	return [CSV_HEADER, ...rows].join('\n') + '\n';
}

/** Any seeded client (the first one). */
export function someClientId(sandbox: Sandbox): number {
	return [...sandbox.store.clients.keys()][0];
}

/** Creates a draft invoice through the API and returns its id; fails the test on anything but 201. */
export async function createDraft(sandbox: Sandbox, client: HarvestClient, fields: Record<string, unknown> = {}): Promise<number> {
	const response = await client.post('/invoices', {
		invoice: { client_id: someClientId(sandbox), csv_line_items: csv('Service,Work,10,100,1000,false,false,'), ...fields },
	});
	if (response.status !== 201) throw new Error(`create invoice: ${response.status} ${response.text}`);
	return idFromLocation(response);
}

/** A sent invoice of 1000.00 (open), optionally with payments already recorded. */
export async function createOpen(sandbox: Sandbox, client: HarvestClient, payments: number[] = []): Promise<number> {
	const id = await createDraft(sandbox, client);
	const sent = await client.post(`/invoices/${id}/messages/mark_as_sent`, {});
	if (sent.status !== 200) throw new Error(`mark_as_sent: ${sent.status} ${sent.text}`);
	for (const amount of payments) {
		const paid = await client.post(`/invoices/${id}/payments`, { payment: { amount, paid_at: '2026-06-10' } });
		if (paid.status !== 201) throw new Error(`payment: ${paid.status} ${paid.text}`);
	}
	return id;
}
