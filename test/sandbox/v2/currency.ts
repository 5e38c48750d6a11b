import { unprocessable } from '../errors';

/**
 * The store keeps v1's currency names (`United States Dollar - USD`); v2 reads and writes ISO codes.
 * Codes without a known name are stored as the bare code (v1 then shows just `CAD`).
 */
const NAMES: Readonly<Record<string, string>> = Object.freeze({
	USD: 'United States Dollar - USD',
	EUR: 'Euro - EUR',
	GBP: 'British Pound - GBP',
	CAD: 'Canadian Dollar - CAD',
	AUD: 'Australian Dollar - AUD',
	CHF: 'Swiss Franc - CHF',
	JPY: 'Japanese Yen - JPY',
	NZD: 'New Zealand Dollar - NZD',
	SEK: 'Swedish Krona - SEK',
});

/** `United States Dollar - USD` -> `USD`; a bare code stays as it is. */
export function isoCurrency(name: string): string {
	const match = /([A-Z]{3})\s*$/.exec(name);
	return match ? match[1] : name;
}

/** An ISO 4217 code as sent on v2, stored as v1's name. */
export function storedCurrency(code: string): string {
	const upper = code.trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(upper)) throw unprocessable(`Currency "${code}" is not an ISO 4217 code (e.g. USD)`);
	return NAMES[upper] ?? upper;
}
