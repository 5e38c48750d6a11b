import type { IDataObject } from 'n8n-workflow';

import { centsOf, dayOfDate, instantOf, type InvoiceView } from '../invoiceView';

/** A classic invoice as the trigger reads invoices: its own state (v1 knows "partial"), `issued_at`, `due_at`. */
export function v1InvoiceView(record: IDataObject): InvoiceView {
	return {
		record,
		id: record.id,
		state: record.state,
		issuedDay: dayOfDate(record.issued_at),
		dueDay: dayOfDate(record.due_at),
		amountCents: centsOf(record.amount),
		dueAmountCents: centsOf(record.due_amount),
		createdAtMs: instantOf(record.created_at),
		updatedAtMs: instantOf(record.updated_at),
	};
}
