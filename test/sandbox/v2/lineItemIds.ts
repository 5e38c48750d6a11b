import type { Invoice, SandboxStore } from '../store';

/**
 * v1 has no line item ids (it replaces all lines at once); v2 addresses lines by id. Lines made by
 * v1 (seeds, csv-line-items, imports) get an id the first time v2 sees them, and keep it.
 */
export function ensureLineItemIds(store: SandboxStore, invoice: Invoice): void {
	for (const item of invoice.lineItems) {
		if (item.id === undefined) item.id = store.nextId('lineItem');
		else store.reserveId('lineItem', item.id);
	}
}
