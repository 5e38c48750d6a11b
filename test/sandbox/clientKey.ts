import { createHash } from 'node:crypto';

/**
 * An invoice's `client-key` (40 hex characters, like Harvest's). Derived from the data seed and the
 * invoice id rather than drawn at random, so that the same sandbox gives the same keys every run.
 */
export function clientKeyFor(seed: number, invoiceId: number): string {
	return createHash('sha1').update(`harvest-sandbox:${seed}:${invoiceId}`).digest('hex');
}
