import type { SandboxClock } from './clock';
import type { NumberFormat } from './numberFormat';
import type { SandboxStore } from './store';
import type { Throttle } from './throttle';

/** What the API routes work with: the data, the sandbox clock and the account's settings. */
export interface SandboxContext {
	store: SandboxStore;
	clock: SandboxClock;
	throttle: Throttle;
	/** The seed the data was generated from; new client keys derive from it too. */
	dataSeed: number;
	/** False when the account has the invoices module switched off (who_am_i says so, invoice routes 404). */
	invoicesModule: boolean;
	/** The account's number format (who_am_i), used to read and write csv-line-items. */
	numberFormat: NumberFormat;
	/** The most invoices a v2 invoice list page holds (SandboxOptions.v2MaxPerPage). */
	v2MaxPerPage: number;
}
