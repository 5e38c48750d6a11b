import type { IDataObject } from 'n8n-workflow';

import { centsOf, dayOfDate, instantOf, type InvoiceView } from '../invoiceView';

/** Partly paid is told by the same rule as the list's keep filter (listQuery.ts `keepInvoice`). */
const cents = (value: unknown) => Math.round(Number(value ?? 0) * 100);

/**
 * A v2 invoice as the trigger reads invoices: `issue_date`, `due_date`, and the state with
 * "partially paid" told apart (v2 says `open` for any sent, unpaid invoice; one with a payment and
 * something still due is partially paid).
 */
export function v2InvoiceView(record: IDataObject): InvoiceView {
	const paid = cents(record.amount) - cents(record.due_amount);
	const partial = record.state === 'open' && paid > 0 && cents(record.due_amount) > 0;
	return {
		record,
		id: record.id,
		state: partial ? 'partial' : record.state,
		issuedDay: dayOfDate(record.issue_date),
		dueDay: dayOfDate(record.due_date),
		amountCents: centsOf(record.amount),
		dueAmountCents: centsOf(record.due_amount),
		createdAtMs: instantOf(record.created_at),
		updatedAtMs: instantOf(record.updated_at),
	};
}
