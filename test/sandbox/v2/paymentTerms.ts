import { unprocessable } from '../errors';

/**
 * v2's `payment_term` over the store's v1 `due-at-human-format`: `upon receipt` and `net 15/30/45/60`
 * map one to one (`NET 30`); any other NET N, which v1 allows, reads as `custom` on v2.
 */
export const PAYMENT_TERMS = ['upon receipt', 'net 15', 'net 30', 'net 45', 'net 60', 'custom'] as const;
export type PaymentTerm = (typeof PAYMENT_TERMS)[number];

export function paymentTermOf(dueAtHumanFormat: string): PaymentTerm {
	const value = dueAtHumanFormat.trim().toLowerCase().replace(/\s+/g, ' ');
	if (value === 'upon receipt') return 'upon receipt';
	const term = value.replace(/^net ?/, 'net ');
	return (PAYMENT_TERMS as readonly string[]).includes(term) ? (term as PaymentTerm) : 'custom';
}

export function readPaymentTerm(value: unknown): PaymentTerm {
	const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (!(PAYMENT_TERMS as readonly string[]).includes(text)) {
		throw unprocessable(`Payment term must be one of: ${PAYMENT_TERMS.join(', ')}`);
	}
	return text as PaymentTerm;
}

/** The store's due format for a term, and its days after the issue date (null for custom). */
export function storedDueFormat(term: PaymentTerm): { humanFormat: string; days: number | null } {
	if (term === 'custom') return { humanFormat: 'custom', days: null };
	if (term === 'upon receipt') return { humanFormat: 'upon receipt', days: 0 };
	const days = Number(term.slice(4));
	return { humanFormat: `NET ${days}`, days };
}
