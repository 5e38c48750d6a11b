import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { getClientsOrNone } from './shared/loadOptions';
import { requireHarvestId } from './shared/validation';
import { harvestRead } from './transport';
import type { InvoiceView } from './transport/invoiceView';
import { watchInvoiceList, watchInvoicePage, watchToday } from './transport/invoiceWatch';
import type { InvoiceWatchFilters } from './transport/invoiceWatchQuery';
import { BudgetStop, earliestIssueDay, pollBudgetMs } from './trigger/baselineWalk';
import { afterListingPart, changesFilters } from './trigger/changesWalk';
import { baselineSnapshot, diffInvoices, emptySnapshot, trackChanges } from './trigger/diffInvoices';
import { eventItemJson } from './trigger/items';
import { dueGroups, findLastPastDue, issuedWindow, mustBeListedPastDue, withoutMembers } from './trigger/overdue';
import { byRecordingOrder } from './trigger/payments';
import { pollExclusively } from './trigger/pollLock';
import { paidCents, recordId } from './trigger/records';
import { pickSample, samplePreviousState, sampleQueries } from './trigger/sample';
import { readSnapshot, writeSnapshot } from './trigger/snapshotCache';
import {
	INVOICE_STATES,
	TRIGGER_EVENTS,
	type DiffResult,
	type InvoiceEvent,
	type InvoiceState,
	type OverdueFindings,
	type PollFetch,
	type Snapshot,
	type TriggerEvent,
	type WatchOptions,
} from './trigger/types';
import { authenticationField, harvestCredentials } from './shared/authenticationField';

/** Deleted invoices looked for in one poll at most; more are found by the polls after it. */
const MAX_GONE_PER_POLL = 10;

/** Harvest's errors arrive as NodeApiErrors from the transport; anything else (a broken record) is wrapped. */
function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}

interface TriggerSettings {
	watch: WatchOptions;
	/** The list filters limiting every invoice listing to the chosen client. */
	scopeFilters: InvoiceWatchFilters;
	scope: string;
}

const STATE_NAMES: Record<InvoiceState, string> = {
	closed: 'Closed (Written Off)',
	draft: 'Draft',
	open: 'Open',
	paid: 'Paid',
	partial: 'Partially Paid',
};

function readSettings(this: IPollFunctions): TriggerSettings {
	const events = (this.getNodeParameter('events', []) as string[]).filter((event): event is TriggerEvent =>
		(TRIGGER_EVENTS as readonly string[]).includes(event),
	);
	const filters = this.getNodeParameter('filters', {}) as { clientId?: string | number };
	const options = this.getNodeParameter('options', {}) as { includePayments?: boolean; stateChangedTo?: string[] };
	const stateChangedTo = (options.stateChangedTo ?? []).filter((state): state is InvoiceState =>
		(INVOICE_STATES as readonly string[]).includes(state),
	);
	const hasClient = filters.clientId !== undefined && String(filters.clientId).trim() !== '';
	const clientId = hasClient ? requireHarvestId(this.getNode(), 'Client', filters.clientId) : undefined;
	return {
		watch: { events, stateChangedTo, includePayments: options.includePayments === true },
		scopeFilters: clientId ? { clientId } : {},
		scope: clientId ? `client:${clientId}` : 'all',
	};
}

/** The stored snapshot when it is readable and covers the same client; null means "take a baseline". */
function storedSnapshot(this: IPollFunctions, stored: unknown, scope: string): Snapshot | null {
	if (stored === undefined) return null;
	try {
		const snapshot = readSnapshot(stored);
		if (snapshot.scope === scope) return snapshot;
		this.logger.info('Harvest Invoicing Trigger: the client filter changed, taking a new baseline', { scope });
	} catch (error) {
		this.logger.warn(`Harvest Invoicing Trigger: stored state unreadable (${(error as Error).message}), taking a new baseline`);
	}
	return null;
}

async function listPayments(this: IPollFunctions, invoiceId: number): Promise<IDataObject[]> {
	const decoded = await harvestRead.call(this, { read: 'invoicePayments', invoiceId });
	return decoded.records;
}

/**
 * Lists invoices changed since the cursor (resuming a walk a budget cut short: see
 * trigger/changesWalk.ts), timing the walk (the cursor is moved back by its length).
 */
async function listChangedInvoices(
	this: IPollFunctions,
	settings: TriggerSettings,
	previous: Snapshot,
	stop: BudgetStop | undefined,
): Promise<Pick<PollFetch, 'invoices' | 'walkSeconds'>> {
	const started = Date.now();
	const invoices = await watchInvoiceList.call(this, changesFilters(settings.scopeFilters, previous), stop?.enough);
	return { invoices, walkSeconds: (Date.now() - started) / 1000 };
}

/**
 * Which open/partial invoices are past due now (see trigger/overdue.ts for why this probes one
 * candidate instead of reading the whole past-due list). With `needRecords`, also reads the
 * list entries of the ones found late, for their events.
 */
async function findOverdue(
	this: IPollFunctions,
	settings: TriggerSettings,
	previous: Snapshot,
	invoices: InvoiceView[],
	needRecords: boolean,
): Promise<OverdueFindings> {
	const { invoices: tracked } = trackChanges(previous, invoices).next;
	let groups = dueGroups(tracked, tracked === previous.invoices);
	const pastDue = new Map<number, InvoiceView>();
	const listPastDue = async (members: Array<{ id: number; issuedDay: number }>) => {
		const wanted = new Set(members.map((member) => member.id));
		const enough = (invoices: () => InvoiceView[]) => {
			for (const invoice of invoices()) wanted.delete(recordId(invoice));
			return wanted.size === 0;
		};
		const filters: InvoiceWatchFilters = { ...settings.scopeFilters, status: 'pastdue', ...issuedWindow(members) };
		for (const invoice of await watchInvoiceList.call(this, filters, enough)) pastDue.set(recordId(invoice), invoice);
	};
	/** Whether Harvest lists the invoice at all, in any state (a deleted one it does not). */
	const isListed = async (member: { id: number; issuedDay: number }) => {
		const listed = (views: InvoiceView[]) => views.some((invoice) => recordId(invoice) === member.id);
		const filters: InvoiceWatchFilters = { ...settings.scopeFilters, ...issuedWindow([member]) };
		return listed(await watchInvoiceList.call(this, filters, (views) => listed(views())));
	};
	const harvestDay = await watchToday.call(this);
	const gone = new Set<number>();
	let last: number;
	for (;;) {
		let goneProbe: number | undefined;
		last = await findLastPastDue(groups.length, async (index) => {
			const probe = groups[index].members[0];
			if (!pastDue.has(probe.id)) await listPastDue([probe]);
			if (pastDue.has(probe.id)) return true;
			// A probe that must be late but is not listed as such may be deleted: look for it once.
			const checkGone = harvestDay !== null && gone.size < MAX_GONE_PER_POLL && mustBeListedPastDue(groups[index].dueDay, harvestDay);
			if (checkGone && !(await isListed(probe))) goneProbe = probe.id;
			return false;
		});
		if (goneProbe === undefined) break;
		// Searched again without it: what was probed is known (pastDue), so only new probes cost requests.
		gone.add(goneProbe);
		groups = withoutMembers(groups, gone);
	}
	const forgotten = gone.size > 0 ? { gone: [...gone] } : {};
	if (last < 0) return { pastDueThrough: null, records: [], ...forgotten };
	const late = groups.slice(0, last + 1).flatMap((group) => group.members);
	if (needRecords) {
		const missing = late.filter((member) => !pastDue.has(member.id));
		if (missing.length > 0) await listPastDue(missing);
	}
	return {
		pastDueThrough: groups[last].dueDay,
		records: late.flatMap((member) => (pastDue.has(member.id) ? [pastDue.get(member.id) as InvoiceView] : [])),
		...forgotten,
	};
}

/**
 * First activation: remember every invoice's state, report nothing. Where n8n sets a poll budget
 * the baseline may take several polls (see trigger/baselineWalk.ts): each part adds what it read to
 * the partial snapshot, and only the last one looks for overdue invoices and moves the cursor on.
 */
async function takeBaseline(this: IPollFunctions, settings: TriggerSettings, partial: Snapshot | null): Promise<Snapshot> {
	const walk = partial?.baselineWalk;
	const startedAt = walk?.startedAt ?? Math.floor(Date.now() / 1000);
	const budget = pollBudgetMs(this);
	const stop = budget === undefined ? undefined : new BudgetStop(budget, walk?.throughDay);
	const filters = walk ? { ...settings.scopeFilters, issuedToDay: walk.throughDay } : settings.scopeFilters;
	const invoices = await watchInvoiceList.call(this, filters, stop?.enough);
	// The cursor goes back to when the baseline began: what changed meanwhile is read again by the first poll.
	const fetched: PollFetch = { invoices, walkSeconds: Date.now() / 1000 - startedAt };
	if (stop?.stopped) {
		const throughDay = earliestIssueDay(invoices) as number;
		return baselineSnapshot(settings.scope, fetched, settings.watch, partial, { throughDay, startedAt });
	}
	if (settings.watch.events.includes('overdue')) {
		fetched.overdue = await findOverdue.call(this, settings, partial ?? emptySnapshot(settings.scope), invoices, false);
	}
	return baselineSnapshot(settings.scope, fetched, settings.watch, partial);
}

/**
 * One regular poll: list what changed, look for newly late invoices, read payments where needed,
 * diff. Where n8n sets a poll budget the listing may stop between pages and go on at the next poll
 * (see trigger/changesWalk.ts); what it read is reported now.
 */
async function pollChanges(this: IPollFunctions, settings: TriggerSettings, previous: Snapshot): Promise<DiffResult> {
	const budget = pollBudgetMs(this);
	const stop = budget === undefined ? undefined : new BudgetStop(budget, previous.changesWalk?.throughDay);
	const fetched: PollFetch = await listChangedInvoices.call(this, settings, previous, stop);
	const stoppedIn = stop?.stopped ? earliestIssueDay(fetched.invoices) : undefined;
	if (stoppedIn === undefined && settings.watch.events.includes('overdue')) {
		// While the flags are being rebuilt (first poll watching overdue) nothing is reported, so no records are needed.
		const needRecords = previous.overdueTracked;
		fetched.overdue = await findOverdue.call(this, settings, previous, fetched.invoices, needRecords);
	}
	let result = diffInvoices(previous, fetched, settings.watch);
	if (result.needsPayments.length > 0) {
		const payments = new Map<number, IDataObject[]>();
		for (const id of result.needsPayments) payments.set(id, await listPayments.call(this, id));
		result = diffInvoices(previous, { ...fetched, payments }, settings.watch);
		if (result.needsPayments.length > 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Payments of invoices ${result.needsPayments.join(', ')} were read but are still reported missing`,
			);
		}
	}
	return { ...result, next: afterListingPart(previous, result.next, stoppedIn) };
}

/**
 * "Fetch Test Event": the invoice that changed last among the recent ones in the state a chosen
 * event leads to, as that event, marked `sample: true`; the state is not touched.
 */
async function fetchSample(this: IPollFunctions, settings: TriggerSettings): Promise<IDataObject | null> {
	for (const query of sampleQueries(settings.watch)) {
		const filters: InvoiceWatchFilters = { ...settings.scopeFilters, page: 1 };
		if (query.status) filters.status = query.status;
		const invoice = pickSample(query, await watchInvoicePage.call(this, filters));
		if (!invoice) continue;
		const event: InvoiceEvent = { event: query.event, previousState: samplePreviousState(query, invoice), invoice };
		const wantsPayments = query.event === 'paymentRecorded' || settings.watch.includePayments;
		const payments = wantsPayments && paidCents(invoice) > 0 ? await listPayments.call(this, recordId(invoice)) : [];
		if (query.event === 'paymentRecorded') {
			const latest = byRecordingOrder(payments).pop();
			if (!latest) continue;
			event.payment = latest;
		}
		if (settings.watch.includePayments) event.payments = payments;
		return { sample: true, ...eventItemJson(event) };
	}
	return null;
}

/** A poll of an active workflow: baseline or changes, snapshot written only when the poll succeeded. */
async function pollActive(this: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][] | null> {
	const staticData = this.getWorkflowStaticData('node');
	const previous = storedSnapshot.call(this, staticData.snapshot, settings.scope);
	try {
		let events: InvoiceEvent[] = [];
		let next: Snapshot;
		if (previous && !previous.baselineWalk) ({ events, next } = await pollChanges.call(this, settings, previous));
		else next = await takeBaseline.call(this, settings, previous);
		// Written only now that the whole poll succeeded: a poll failing midway leaves the old
		// snapshot and cursor, and the next poll reads everything again. A quiet poll (the same
		// snapshot) writes nothing, so its cost follows the changes, not the invoices tracked.
		if (next !== previous) staticData.snapshot = writeSnapshot(next) as unknown as IDataObject;
		return events.length > 0 ? [events.map((event) => ({ json: eventItemJson(event) }))] : null;
	} catch (error) {
		// Without a baseline there is nothing to resume from: fail the activation so the user sees it.
		if (!previous) throw asNodeError(this.getNode(), error);
		const workflow = this.getWorkflow();
		this.logger.error(
			`Harvest Invoicing Trigger "${this.getNode().name}" could not poll Harvest; the next poll retries from the same point: ${(error as Error).message}`,
			{ node: this.getNode().name, workflowId: workflow.id },
		);
		return null;
	}
}

export class HarvestInvoicingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harvest Invoicing Trigger',
		name: 'harvestInvoicingTrigger',
		icon: { light: 'file:harvest.svg', dark: 'file:harvest.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Harvest invoices are created, sent, paid, written off or fall overdue',
		defaults: { name: 'Harvest Invoicing Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: harvestCredentials,
		properties: [
			{
				// Harvest has no webhooks: say how the trigger really learns of changes, and why turning it
				// on starts nothing for the invoices already there.
				displayName:
					'Harvest has no webhooks: this trigger checks Harvest on the schedule set under Poll Times (at most once a minute). When the workflow is activated it notes the current state of every invoice and starts nothing for them; only changes made after activation start the workflow. Fetch Test Event shows the latest matching invoice as a sample (sample: true), without a previous state.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
			authenticationField,
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: [
					{
						name: 'Any State Change',
						value: 'stateChanged',
						description: 'An invoice moved to another state (optionally only into the states chosen under Options)',
					},
					{ name: 'Invoice Back to Draft', value: 'backToDraft', description: 'A sent invoice was turned back into a draft' },
					{
						name: 'Invoice Overdue',
						value: 'overdue',
						description: 'An open or partially paid invoice went past its due date',
					},
					{ name: 'Invoice Paid in Full', value: 'paid', description: 'Nothing is left due on an invoice' },
					{ name: 'Invoice Partially Paid', value: 'partiallyPaid', description: 'A first part of a sent invoice was paid' },
					{ name: 'Invoice Reopened', value: 'reopened', description: 'A written-off invoice was re-opened' },
					{ name: 'Invoice Sent', value: 'invoiceSent', description: 'A draft was sent or marked as sent' },
					{ name: 'Invoice Written Off', value: 'writtenOff', description: 'An invoice was closed without being paid in full' },
					{ name: 'New Invoice', value: 'newInvoice', description: 'An invoice was created' },
					{
						name: 'Payment Recorded',
						value: 'paymentRecorded',
						description: 'A payment was recorded on an invoice (one event per payment)',
					},
				],
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Client Name or ID',
						name: 'clientId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getClientsOrNone' },
						default: '',
						description:
							'Only invoices of this client. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Payments',
						name: 'includePayments',
						type: 'boolean',
						default: false,
						description:
							"Whether to add the invoice's payments to each event (one more request for each invoice with payments)",
					},
					{
						displayName: 'Only Changes To',
						name: 'stateChangedTo',
						type: 'multiOptions',
						default: [],
						displayOptions: { show: { '/events': ['stateChanged'] } },
						options: INVOICE_STATES.map((state) => ({ name: STATE_NAMES[state], value: state })).sort((a, b) =>
							a.name.localeCompare(b.name),
						),
						description: 'For Any State Change: report only changes into these states. None chosen means every state.',
					},
				],
			},
		],
	};

	methods = {
		loadOptions: { getClientsOrNone },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readSettings.call(this);
		if (this.getMode() === 'manual') {
			try {
				const sample = await fetchSample.call(this, settings);
				return sample ? [[{ json: sample }]] : null;
			} catch (error) {
				throw asNodeError(this.getNode(), error);
			}
		}

		const workflow = this.getWorkflow();
		const node = this.getNode();
		return await pollExclusively(workflow.id, node.name, async () => await pollActive.call(this, settings), () => {
			this.logger.info(`Harvest Invoicing Trigger "${node.name}": the previous poll is still running, skipping this one`, {
				node: node.name,
				workflowId: workflow.id,
			});
			return null;
		});
	}
}
