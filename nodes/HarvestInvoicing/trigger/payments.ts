import type { IDataObject } from 'n8n-workflow';

import { cents, epochSeconds, recordId } from './records';

/** Payments in the order they were recorded. */
export function byRecordingOrder(payments: readonly IDataObject[]): IDataObject[] {
	return [...payments].sort(
		(a, b) => (epochSeconds(a.created_at) ?? 0) - (epochSeconds(b.created_at) ?? 0) || recordId(a) - recordId(b),
	);
}

/**
 * The listed payments that were not there before.
 *
 * With known ids this is a set difference. Without (the invoice was last seen at the baseline or
 * while payments were not watched), a payment counts as already there when it was created before
 * the invoice's `updated_at` as last seen, since recording a payment updates its invoice. Payments
 * created in that very second are taken as already there while they add up to no more than what
 * had been paid then.
 */
export function newPayments(
	listed: readonly IDataObject[],
	known: readonly number[] | null,
	knownUpTo: number,
	knownPaidCents: number,
): IDataObject[] {
	if (known !== null) {
		const ids = new Set(known);
		return byRecordingOrder(listed).filter((payment) => !ids.has(recordId(payment)));
	}
	const fresh: IDataObject[] = [];
	let alreadyPaid = 0;
	const ordered = byRecordingOrder(listed);
	for (const payment of ordered) {
		const created = epochSeconds(payment.created_at);
		if (created === null || created < knownUpTo) alreadyPaid += cents(payment.amount);
	}
	for (const payment of ordered) {
		const created = epochSeconds(payment.created_at);
		if (created === null || created < knownUpTo) continue;
		if (created === knownUpTo && alreadyPaid + cents(payment.amount) <= knownPaidCents) {
			alreadyPaid += cents(payment.amount);
			continue;
		}
		fresh.push(payment);
	}
	return fresh;
}
