/**
 * A Map of records that belong to an invoice (payments, messages) that also keeps them grouped by
 * invoice, so `paymentsOf`/`messagesOf` do not scan every record: a v2 page of 2,000 invoices over
 * a 50,000-invoice account reads each invoice's history. It is still a Map: tests and operations
 * keep calling set/delete/clear, and the groups follow. Within an invoice, records keep the map's order.
 */
export class InvoiceIndexedMap<T extends { invoiceId: number }> extends Map<number, T> {
	// Created lazily: Map's constructor calls set() before the subclass's fields exist.
	private groups?: Map<number, Map<number, T>>;

	private byInvoice(): Map<number, Map<number, T>> {
		this.groups ??= new Map();
		return this.groups;
	}

	override set(id: number, record: T): this {
		const previous = super.get(id);
		if (previous !== undefined && previous.invoiceId !== record.invoiceId) this.byInvoice().get(previous.invoiceId)?.delete(id);
		let group = this.byInvoice().get(record.invoiceId);
		if (group === undefined) this.byInvoice().set(record.invoiceId, (group = new Map()));
		group.set(id, record);
		return super.set(id, record);
	}

	override delete(id: number): boolean {
		const previous = super.get(id);
		if (previous !== undefined) this.byInvoice().get(previous.invoiceId)?.delete(id);
		return super.delete(id);
	}

	override clear(): void {
		this.byInvoice().clear();
		super.clear();
	}

	/** The invoice's records, in the order they were first set. */
	of(invoiceId: number): T[] {
		return [...(this.byInvoice().get(invoiceId)?.values() ?? [])];
	}
}
