/**
 * What each item of one run of a write operation has come to. n8n's declarative runner starts
 * every item at once and, without Continue On Fail, reports only the first failure and none of the
 * output; the ledger lets the items wait for each other's checks and lets the error say what the
 * other items did.
 */
export type ItemOutcome =
	/** Its checks (the operation's preSend hooks) are still running. */
	| { state: 'preparing' }
	/** Checked; waiting for the other items before anything is sent. */
	| { state: 'prepared' }
	/** Its input was refused before anything was sent. */
	| { state: 'invalid'; error: unknown }
	/** Not sent because another item is invalid. */
	| { state: 'withheld'; error: unknown }
	/** Harvest applied it; `summary` names what it made or changed, e.g. "payment 51". */
	| { state: 'applied'; summary: string }
	/** Sent, and it failed (Harvest refused it, or its fate is unknown). */
	| { state: 'failed'; error: unknown };

const FINAL_STATES = new Set<ItemOutcome['state']>(['invalid', 'withheld', 'applied', 'failed']);

export class RunLedger {
	private readonly outcomes = new Map<number, ItemOutcome>();
	private joining = true;
	/** Counted as outcomes change, so that no change costs a look at every item. */
	private preparing = 0;
	private final = 0;
	private settledOnce = false;
	private invalid: { index: number; error: unknown } | undefined;
	private readonly checked: Promise<void>;
	private markChecked!: () => void;

	/**
	 * @param onSettled called once, when every item has its final outcome (before n8n, which
	 * waits for all items, throws or outputs anything).
	 */
	constructor(private readonly onSettled: (ledger: RunLedger) => void) {
		this.checked = new Promise<void>((resolve) => (this.markChecked = resolve));
		// n8n starts the items of a run in one synchronous loop (each item runs until its first
		// await), so a microtask queued by the first item runs once every item has joined.
		void Promise.resolve().then(() => {
			this.joining = false;
			this.changed();
		});
	}

	/** False once the run's items have all started: a later item belongs to a new run. */
	get open(): boolean {
		return this.joining;
	}

	join(index: number): void {
		this.record(index, { state: 'preparing' });
	}

	record(index: number, outcome: ItemOutcome): void {
		const before = this.outcomes.get(index);
		if (before?.state === 'preparing') this.preparing--;
		if (before !== undefined && FINAL_STATES.has(before.state)) this.final--;
		this.outcomes.set(index, outcome);
		if (outcome.state === 'preparing') this.preparing++;
		if (FINAL_STATES.has(outcome.state)) this.final++;
		if (outcome.state === 'invalid' && (this.invalid === undefined || index < this.invalid.index)) this.invalid = { index, error: outcome.error };
		this.changed();
	}

	/** Resolves when every item of the run has been checked (or refused). */
	async allChecked(): Promise<void> {
		await this.checked;
	}

	/** The refused item of the lowest index, if any (final once allChecked has resolved). */
	get firstInvalid(): { index: number; error: unknown } | undefined {
		return this.invalid;
	}

	/** The items in a state, in index order. */
	inState<S extends ItemOutcome['state']>(state: S): Array<{ index: number } & Extract<ItemOutcome, { state: S }>> {
		return [...this.outcomes.entries()]
			.filter(([, outcome]) => outcome.state === state)
			.sort(([a], [b]) => a - b)
			.map(([index, outcome]) => ({ index, ...(outcome as Extract<ItemOutcome, { state: S }>) }));
	}

	get size(): number {
		return this.outcomes.size;
	}

	private changed(): void {
		if (this.joining) return;
		if (this.preparing === 0) this.markChecked();
		if (!this.settledOnce && this.final === this.outcomes.size) {
			this.settledOnce = true;
			this.onSettled(this);
		}
	}
}
