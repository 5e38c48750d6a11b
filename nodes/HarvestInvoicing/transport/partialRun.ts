import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemError } from './failedItem';
import { RunLedger } from './runLedger';

/**
 * Several items of one write operation, without Continue On Fail. n8n's declarative runner sends
 * every item at once, then stops the workflow at the first failure and keeps none of the node's
 * output. So, for the user never to double a change by running again:
 * - no item is sent until every item has passed its checks, and none is sent if one fails them;
 * - a failure Harvest reports names the other items it applied, by index and record.
 * With Continue On Fail the items stay independent: n8n outputs what was applied and an error
 * item for each failure.
 */

/** The ledger joined by the items a run starts together, keyed by the run's execute data. */
const openRuns = new WeakMap<object, RunLedger>();
/** The ledger of each item, keyed by the item's context. */
const ledgerOfItem = new WeakMap<object, RunLedger>();
/** Each failed item's own description, before a note about the other items was added. */
const ownDescriptions = new WeakMap<object, string | undefined>();

/** Under Continue On Fail, the error of each item whose checks failed (it is not sent). */
const refusals = new WeakMap<object, unknown>();

/** How many items an error lists before it only counts the rest. */
const LISTED_ITEMS = 20;

/** Anything but a GET may change something in Harvest. */
export const isWrite = (method: unknown) => String(method ?? 'GET').toUpperCase() !== 'GET';

export type CheckedTogether = PreSendAction & { readonly steps: readonly PreSendAction[] };

/**
 * An operation's preSend steps (the checks, then the encoding) as one, so the run knows when an
 * item's checks passed or failed: a step that fails is the item's input being refused.
 */
export function checkedTogether(steps: PreSendAction[]): CheckedTogether {
	const checked = async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		// Joined before the first await: n8n starts the next item when this one first waits.
		const ledger = isWrite(requestOptions.method) ? joinRun(this) : undefined;
		const index = this.getItemIndex();
		let options = requestOptions;
		try {
			for (const step of steps) options = await step.call(this, options);
		} catch (caught) {
			// This item's own error object stays with the ledger, which adds to its description later.
			const error = itemError(this.getNode(), caught, index);
			keepOwnDescription(error);
			ledger?.record(index, { state: 'invalid', error });
			if (!this.continueOnFail()) throw error;
			// Continue On Fail: the pagination hook turns it into the item's error item, unsent.
			refusals.set(this, error);
			return requestOptions;
		}
		ledger?.record(index, { state: 'prepared' });
		return options;
	};
	return Object.assign(checked, { steps: [...steps] });
}

/** Why the item's checks refused it, under Continue On Fail; undefined when they passed. */
export function refusalOf(item: IExecuteSingleFunctions): unknown {
	return refusals.get(item);
}

/**
 * Before a write is sent: waits until every item of the run has been checked, and sends nothing
 * if any was refused. With Continue On Fail each item goes its own way.
 */
export async function waitForTheWholeRun(item: IExecuteSingleFunctions): Promise<void> {
	const ledger = ledgerOfItem.get(item);
	if (ledger === undefined || item.continueOnFail()) return;
	await ledger.allChecked();
	const invalid = ledger.firstInvalid;
	if (invalid === undefined) return;
	const refused = invalid.error as { message?: string; description?: string | null };
	const error = new NodeOperationError(item.getNode(), `Nothing was sent: item ${invalid.index} is invalid. ${refused.message ?? ''}`.trim(), {
		itemIndex: item.getItemIndex(),
		description: refused.description ?? undefined,
	});
	keepOwnDescription(error);
	ledger.record(item.getItemIndex(), { state: 'withheld', error });
	throw error;
}

/** After a write: Harvest applied it; `records` is the item's output. */
export function recordApplied(item: IExecuteSingleFunctions, records: INodeExecutionData[]): void {
	ledgerOfItem.get(item)?.record(item.getItemIndex(), { state: 'applied', summary: summaryOf(item, records) });
}

/** After a write: it failed. Returns the error, whose description will name the other items. */
export function recordFailure(item: IExecuteSingleFunctions, error: unknown): unknown {
	const ledger = ledgerOfItem.get(item);
	if (ledger === undefined) return error;
	keepOwnDescription(error);
	ledger.record(item.getItemIndex(), { state: 'failed', error });
	return error;
}

function joinRun(context: IExecuteSingleFunctions): RunLedger | undefined {
	const run = context.getExecuteData() as object | undefined;
	if (run === undefined || run === null) return undefined;
	let ledger = openRuns.get(run);
	// A closed ledger's run has started all its items; only n8n's batching (Request Options) starts
	// more later, and each batch is then a run of its own.
	if (ledger === undefined || !ledger.open) {
		const continueOnFail = context.continueOnFail();
		ledger = new RunLedger((settled) => {
			if (!continueOnFail) explainOutcomes(settled);
		});
		openRuns.set(run, ledger);
	}
	ledger.join(context.getItemIndex());
	ledgerOfItem.set(context, ledger);
	return ledger;
}

function keepOwnDescription(error: unknown): void {
	if (typeof error !== 'object' || error === null || ownDescriptions.has(error)) return;
	ownDescriptions.set(error, (error as { description?: string | null }).description ?? undefined);
}

function describe(error: unknown, note: string): void {
	if (typeof error !== 'object' || error === null) return;
	const own = ownDescriptions.get(error);
	(error as { description?: string }).description = own ? `${own} ${note}` : note;
}

/**
 * Once every item has its outcome (n8n waits for all of them before it reports the first
 * failure), each error says what became of the others.
 */
function explainOutcomes(ledger: RunLedger): void {
	if (ledger.size < 2) return;
	const applied = ledger.inState('applied');
	const failed = ledger.inState('failed');
	const invalid = ledger.inState('invalid');
	for (const refused of [...invalid, ...ledger.inState('withheld')]) {
		const others = invalid.filter((other) => other.index !== refused.index);
		const alsoInvalid = others.length > 0 ? ` ${capitalized(itemList(others))} ${others.length > 1 ? 'are' : 'is'} invalid too.` : '';
		describe(refused.error, `No item of this run was sent: the node sends none while an item's input is invalid, so correct it and run the node again.${alsoInvalid}`);
	}
	const appliedItems = appliedList(applied);
	for (const failure of failed) {
		const otherFailures = failed.filter((other) => other.index !== failure.index);
		const failedToo = otherFailures.length > 0 ? `${itemList(otherFailures)} failed too.` : '';
		const note =
			applied.length > 0
				? `Item ${failure.index} failed. These other items of this run were applied in Harvest: ${appliedItems}.` +
					(failedToo ? ` ${capitalized(failedToo)}` : '') +
					' Do not run those again; to get applied items and failures as separate outputs, set Settings > On Error to "Continue (using error output)".'
				: `Item ${failure.index} failed. No other item of this run was applied${failedToo ? `: ${failedToo}` : '.'}`;
		describe(failure.error, note);
	}
}

function itemList(items: Array<{ index: number }>): string {
	return `item${items.length > 1 ? 's' : ''} ${shortList(items.map((item) => String(item.index)))}`;
}

function appliedList(applied: Array<{ index: number; summary: string }>): string {
	return shortList(applied.map((item) => (item.summary ? `item ${item.index} (${item.summary})` : `item ${item.index}`)));
}

/** The first LISTED_ITEMS entries, then a count: an error over thousands of items stays readable. */
function shortList(entries: string[]): string {
	const rest = entries.length - LISTED_ITEMS;
	return entries.slice(0, LISTED_ITEMS).join(', ') + (rest > 0 ? `, and ${rest} more` : '');
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Message operations other than Send and Delete output the invoice they changed. */
const INVOICE_OUTPUTS = new Set(['markAsSent', 'markAsDraft', 'markAsClosed', 'reOpen']);

/** What an applied item made or changed, in the user's words: "payment 51 on invoice 12". */
function summaryOf(item: IExecuteSingleFunctions, records: INodeExecutionData[]): string {
	const json = records[0]?.json;
	if (json?.id === undefined || json.id === null) return '';
	const resource = String(item.getNodeParameter('resource', ''));
	const operation = String(item.getNodeParameter('operation', ''));
	const noun = resource === 'message' && INVOICE_OUTPUTS.has(operation) ? 'invoice' : resource;
	const onInvoice = (noun === 'payment' || noun === 'message') && json.invoice_id !== undefined ? ` on invoice ${String(json.invoice_id)}` : '';
	return `${noun} ${String(json.id)}${onInvoice}`;
}
