import { addDays } from './dates';
import { unprocessable } from './errors';

/**
 * `due-at-human-format`: `NET N` (due N days after the issue date) or `upon receipt` (due on the
 * issue date; `due upon receipt`, as the seed's example writes it, is accepted too). `custom` means
 * an explicit `due-at` was given. Returns the canonical text Harvest shows and the offset in days.
 */
export function parseDueFormat(text: string): { humanFormat: string; days: number | null } {
	const value = text.trim().replace(/\s+/g, ' ').toLowerCase();
	const net = /^net ?(\d{1,4})$/.exec(value);
	if (net) return { humanFormat: `NET ${Number(net[1])}`, days: Number(net[1]) };
	if (value === 'upon receipt' || value === 'due upon receipt') return { humanFormat: 'upon receipt', days: 0 };
	if (value === 'custom') return { humanFormat: 'custom', days: null };
	throw unprocessable(`Due-at-human-format "${text}" is not valid: use "NET N" or "upon receipt"`);
}

export function dueDate(issuedAt: string, days: number): string {
	return addDays(issuedAt, days);
}
