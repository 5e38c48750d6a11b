import { DEFAULT_NOW } from './clock';
import type { DecimalSymbol } from './numberFormat';
import { HARVEST_THROTTLE, type ThrottleSettings } from './throttle';

export interface SandboxOptions {
	/** 0 (default) picks a free port; the CLI uses 3210. */
	port?: number;
	/** Seed of the data generator (default 1). */
	seed?: number;
	/** How many invoices to seed (default 60: more than one page of 50). */
	invoices?: number;
	/** The sandbox clock's starting instant (default 2026-06-15T12:00:00Z). */
	now?: string;
	/** Harvest's 100 requests per 15 s by default; false switches the throttle off. */
	throttle?: ThrottleSettings | false;
	/** False makes who_am_i report the invoices module disabled and the invoice routes answer 404. */
	invoicesModule?: boolean;
	/** The account's decimal symbol (`.` by default); `,` makes the thousands separator `.`. */
	decimalSymbol?: DecimalSymbol;
	/**
	 * The most invoices one page of the v2 invoice list holds, whatever `per_page` asks (default
	 * 2000, the documented maximum). Below it the sandbox answers as an account capped lower would:
	 * that many invoices, `per_page` saying so, the pages and links counted by it.
	 */
	v2MaxPerPage?: number;
}

export type ResolvedOptions = Required<SandboxOptions>;

export const DEFAULT_OPTIONS: Readonly<ResolvedOptions> = Object.freeze({
	port: 0,
	seed: 1,
	invoices: 60,
	now: DEFAULT_NOW,
	throttle: HARVEST_THROTTLE,
	invoicesModule: true,
	decimalSymbol: '.',
	v2MaxPerPage: 2000,
});

/** Options given win over `base`; undefined values do not erase anything. */
export function resolveOptions(base: ResolvedOptions, options: SandboxOptions = {}): ResolvedOptions {
	const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as SandboxOptions;
	const resolved = { ...base, ...defined };
	if (!Number.isInteger(resolved.invoices) || resolved.invoices < 0) throw new Error('invoices must be a whole number >= 0');
	if (!Number.isInteger(resolved.seed)) throw new Error('seed must be a whole number');
	if (resolved.decimalSymbol !== '.' && resolved.decimalSymbol !== ',') throw new Error('decimalSymbol must be "." or ","');
	if (!Number.isInteger(resolved.v2MaxPerPage) || resolved.v2MaxPerPage < 1 || resolved.v2MaxPerPage > 2000) {
		throw new Error('v2MaxPerPage must be a whole number from 1 to 2000');
	}
	if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) throw new Error('port must be 0..65535');
	return resolved;
}
