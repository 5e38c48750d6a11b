import type { IDataObject } from 'n8n-workflow';

const cents = (value: unknown) => Math.round(Number(value ?? 0) * 100);

/** Adds a field that change detection reads but an output item never shows (it is not enumerable). */
function hidden(record: IDataObject, name: string, value: unknown): void {
	Object.defineProperty(record, name, { value, enumerable: false, configurable: true, writable: true });
}

/**
 * A v2 invoice as the trigger's change detection reads invoices: the issue and due dates under the
 * names it knows, and the state with "partially paid" told apart (v2 says `open` for any sent,
 * unpaid invoice; one with a payment and something still due is partially paid). The record's own
 * fields are what items show: the additions are hidden.
 */
export function v2InvoiceView(record: IDataObject): IDataObject {
	const view = { ...record };
	hidden(view, 'issued_at', record.issue_date);
	hidden(view, 'due_at', record.due_date);
	const paid = cents(record.amount) - cents(record.due_amount);
	const partial = record.state === 'open' && paid > 0 && cents(record.due_amount) > 0;
	hidden(view, 'trigger_state', partial ? 'partial' : record.state);
	return view;
}
