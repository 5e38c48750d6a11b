/** What the list order needs of an invoice: issue date (`YYYY-MM-DD`) and id. */
interface Listed {
	id: number;
	issuedAt: string;
}

/** The list order of both dialects: issue date, newest first, then id, highest first. */
export function newestFirst(a: Listed, b: Listed): number {
	return a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : b.id - a.id;
}

/**
 * The invoices Map, also keeping them in list order, so that a page of the v1 list need not sort
 * the whole account: a Return All over 130,000 invoices asks for some 5,000 pages, and sorting
 * (or even scanning) every invoice for each took minutes. The order is rebuilt after any
 * set/delete/clear; an invoice re-dated in place must be set again (operations/invoices.ts does).
 */
export class OrderedInvoiceMap<T extends Listed> extends Map<number, T> {
	private order?: T[];

	override set(id: number, record: T): this {
		this.order = undefined;
		return super.set(id, record);
	}

	override delete(id: number): boolean {
		this.order = undefined;
		return super.delete(id);
	}

	override clear(): void {
		this.order = undefined;
		super.clear();
	}

	/** Every invoice, newest first; the caller must not change the array. */
	inListOrder(): readonly T[] {
		this.order ??= [...this.values()].sort(newestFirst);
		return this.order;
	}

	/** Position of the first invoice issued on or before `day` in `inListOrder()`. */
	firstIssuedOnOrBefore(day: string): number {
		const order = this.inListOrder();
		let low = 0;
		let high = order.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (order[middle].issuedAt > day) low = middle + 1;
			else high = middle;
		}
		return low;
	}
}
