import type { IDataObject } from 'n8n-workflow';

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

/** An invoice as the transport hands it over (snake_case, numbers as numbers). */
export function invoice(id: number, state: InvoiceState, shape: InvoiceShape = {}): IDataObject {
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

/** Seeded mulberry32: the same seed gives the same history on every machine. */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	shuffle<T>(items: readonly T[]): T[] {
		const copy = [...items];
		for (let index = copy.length - 1; index > 0; index--) {
			const other = Math.floor(this.next() * (index + 1));
			[copy[index], copy[other]] = [copy[other], copy[index]];
		}
		return copy;
	}
}
