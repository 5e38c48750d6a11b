import type { IPollFunctions } from 'n8n-workflow';

import type { InvoiceView } from '../transport/invoiceView';

/**
 * A first baseline reads every invoice of the account: on the classic API (50 a page, 100
 * requests per 15 s) that is minutes for tens of thousands. n8n 2.41 tells a poll how long it may
 * run (`getPollBudgetMs()`; its durable scheduler abandons a longer poll, which would then start
 * over and never finish). So a baseline stops between pages when the next page might not fit,
 * keeps what it read (with `BaselineWalk` saying how far it got) and goes on at the next poll.
 * Nothing is reported until it is complete.
 */

/** The poll budget of this n8n in milliseconds; undefined where n8n offers none (before 2.41). */
export function pollBudgetMs(context: IPollFunctions): number | undefined {
	const offered = (context as IPollFunctions & { getPollBudgetMs?: () => number }).getPollBudgetMs;
	if (typeof offered !== 'function') return undefined;
	const budget = Number(offered.call(context));
	return Number.isFinite(budget) && budget > 0 ? budget : undefined;
}

/** The earliest issue day among the invoices; undefined when none has one. */
export function earliestIssueDay(invoices: readonly InvoiceView[]): number | undefined {
	let earliest: number | undefined;
	for (const invoice of invoices) {
		const day = invoice.issuedDay;
		if (day !== null && (earliest === undefined || day < earliest)) earliest = day;
	}
	return earliest;
}

/**
 * Decides after each page whether a part of a walk over several polls stops (a baseline's, or a
 * regular poll's listing: see changesWalk.ts): when the time left is less than the longest page
 * took so far (plus a margin), and only once the part has reached a day before the one it began
 * at, so that every part moves the walk on even with a budget shorter than a day's pages.
 */
export class BudgetStop {
	stopped = false;
	private readonly deadline: number;
	private last = Date.now();
	private longestPage = 0;

	constructor(
		budgetMs: number,
		private readonly fromDay: number | undefined,
		/** Kept free for what follows the pages (overdue probes, payments) and for clock jitter. */
		private readonly marginMs = Math.min(5_000, budgetMs / 10),
	) {
		this.deadline = this.last + budgetMs;
	}

	/** For the page walk's `enough`: the invoices read so far, built only when a stop is considered. */
	readonly enough = (invoices: () => readonly InvoiceView[]): boolean => {
		const now = Date.now();
		this.longestPage = Math.max(this.longestPage, now - this.last);
		this.last = now;
		if (now + this.longestPage + this.marginMs < this.deadline) return false;
		const earliest = earliestIssueDay(invoices());
		if (earliest === undefined || (this.fromDay !== undefined && earliest >= this.fromDay)) return false;
		this.stopped = true;
		return true;
	};
}
