import type { Invoice, LineItem, Payment } from './store';

/** Money is kept in units with two decimals; rounding half away from zero, like a cash register. */
export function roundMoney(value: number): number {
	const cents = Math.round(Math.abs(value) * 100 + 1e-7);
	return (Math.sign(value) * cents) / 100 || 0;
}

export function lineAmount(quantity: number, unitPrice: number): number {
	return roundMoney(quantity * unitPrice);
}

export interface InvoiceTotals {
	subtotal: number;
	discountAmount: number;
	taxAmount: number;
	tax2Amount: number;
	amount: number;
}

/**
 * The discount (a percentage) applies to the whole subtotal; each tax (a percentage) applies to the
 * lines marked taxed (taxed2), after the discount, so a discount also lowers the tax. Each amount is
 * rounded to cents on its own and the total is the sum of the rounded parts, which is what a reader
 * of the invoice can check by hand.
 */
export function computeTotals(
	lineItems: readonly LineItem[],
	percentages: { tax: number | null; tax2: number | null; discount: number | null },
): InvoiceTotals {
	const sum = (items: readonly LineItem[]) => items.reduce((total, item) => total + item.amount, 0);
	const subtotal = roundMoney(sum(lineItems));
	const keptShare = 1 - (percentages.discount ?? 0) / 100;
	const discountAmount = roundMoney((subtotal * (percentages.discount ?? 0)) / 100);
	const taxOn = (items: readonly LineItem[], rate: number | null) =>
		rate ? roundMoney((sum(items) * keptShare * rate) / 100) : 0;
	const taxAmount = taxOn(lineItems.filter((item) => item.taxed), percentages.tax);
	const tax2Amount = taxOn(lineItems.filter((item) => item.taxed2), percentages.tax2);
	const amount = roundMoney(subtotal - discountAmount + taxAmount + tax2Amount);
	return { subtotal, discountAmount, taxAmount, tax2Amount, amount };
}

export function paidTotal(payments: readonly Payment[]): number {
	return roundMoney(payments.reduce((total, payment) => total + payment.amount, 0));
}

/** Writes the derived money fields of an invoice from its line items, percentages and payments. */
export function applyTotals(invoice: Invoice, paid: number): void {
	const totals = computeTotals(invoice.lineItems, invoice);
	invoice.amount = totals.amount;
	invoice.discountAmount = totals.discountAmount;
	invoice.taxAmount = totals.taxAmount;
	invoice.tax2Amount = totals.tax2Amount;
	invoice.dueAmount = roundMoney(totals.amount - paid);
}
