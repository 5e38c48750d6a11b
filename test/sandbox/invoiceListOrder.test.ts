import { OrderedInvoiceMap } from './invoiceListOrder';

const invoice = (id: number, issuedAt: string) => ({ id, issuedAt });

describe('sandbox invoices in list order', () => {
	it('lists newest issue date first, then highest id, and finds where a `to` bound starts', () => {
		const invoices = new OrderedInvoiceMap();
		for (const record of [invoice(1, '2026-06-01'), invoice(2, '2026-06-03'), invoice(3, '2026-06-01'), invoice(4, '2026-06-02')]) {
			invoices.set(record.id, record);
		}
		expect(invoices.inListOrder().map((record) => record.id)).toEqual([2, 4, 3, 1]);
		expect(invoices.firstIssuedOnOrBefore('2026-06-02')).toBe(1);
		expect(invoices.firstIssuedOnOrBefore('2026-05-31')).toBe(4);
	});

	it('follows set, delete and clear (an invoice re-dated in place is set again)', () => {
		const invoices = new OrderedInvoiceMap();
		const first = invoice(1, '2026-06-01');
		invoices.set(1, first);
		invoices.set(2, invoice(2, '2026-06-02'));
		expect(invoices.inListOrder().map((record) => record.id)).toEqual([2, 1]);
		first.issuedAt = '2026-06-05';
		invoices.set(1, first);
		expect(invoices.inListOrder().map((record) => record.id)).toEqual([1, 2]);
		invoices.delete(1);
		expect(invoices.inListOrder().map((record) => record.id)).toEqual([2]);
		invoices.clear();
		expect(invoices.inListOrder()).toEqual([]);
	});
});
