import type { IDataObject } from 'n8n-workflow';

import type { InvoiceView } from '../../../nodes/HarvestInvoicing/transport/invoiceView';
import { v1InvoiceView } from '../../../nodes/HarvestInvoicing/transport/v1/invoiceView';
import type { InvoiceState, TriggerEvent } from '../../../nodes/HarvestInvoicing/trigger/types';
import { TRIGGER_EVENTS } from '../../../nodes/HarvestInvoicing/trigger/types';

/** 2026-06-15T12:00:00Z, the sandbox's default "now", in epoch seconds. */
export const T0 = Date.parse('2026-06-15T12:00:00Z') / 1000;

export const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const ALL_EVENTS: TriggerEvent[] = [...TRIGGER_EVENTS];

export interface InvoiceShape {
	updated?: number;
	created?: number;
	amount?: number;
	paid?: number;
	issued?: string;
	dueAt?: string;
}

/** An invoice as the trigger reads it: a classic record (snake_case, numbers as numbers), viewed by its dialect. */
export function invoice(id: number, state: InvoiceState, shape: InvoiceShape = {}): InvoiceView {
	return v1InvoiceView(invoiceRecord(id, state, shape));
}

/** An invoice as the classic API hands it over. */
export function invoiceRecord(id: number, state: InvoiceState, shape: InvoiceShape = {}): IDataObject {
	const amount = shape.amount ?? 100;
	const paid = shape.paid ?? (state === 'paid' ? amount : state === 'partial' ? amount / 2 : 0);
	const updated = shape.updated ?? T0 - 86_400;
	return {
		id,
		client_id: 1001,
		number: String(id),
		issued_at: shape.issued ?? '2026-06-01',
		due_at: shape.dueAt ?? '2026-06-20',
		amount,
		due_amount: amount - paid,
		state,
		created_at: iso(shape.created ?? updated - 3600),
		updated_at: iso(updated),
		client_name: 'Acme Rockets',
	};
}

export function payment(id: number, invoiceId: number, amount: number, created: number): IDataObject {
	return { id, invoice_id: invoiceId, amount, paid_at: iso(created).slice(0, 10) + 'T00:00:00Z', created_at: iso(created), updated_at: iso(created), notes: '' };
}

/** The sandbox's seeded mulberry32: the same seed gives the same history on every machine. */
export { SeededRandom as Prng } from '../../sandbox/random';
