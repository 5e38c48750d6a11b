import type { InvoiceState, TriggerEvent, WatchOptions } from './types';

/**
 * "Fetch Test Event" shows one recent invoice that looks like the chosen event, so the user can
 * map its fields; it reads nothing into the snapshot. Each query is one page of the invoice list
 * (most recently issued first), optionally filtered by `status`, of which the first invoice in
 * `state` (or the first at all) is the sample.
 */
export interface SampleQuery {
	event: TriggerEvent;
	status?: 'open' | 'partial' | 'draft' | 'paid' | 'pastdue';
	state?: InvoiceState;
	/** A plausible state before the event (the sample did not really change). */
	previousState: InvoiceState | null;
}

const TYPICAL_PREVIOUS: Record<InvoiceState, InvoiceState> = {
	draft: 'open',
	open: 'draft',
	partial: 'open',
	paid: 'partial',
	closed: 'open',
};

const STATUS_FILTER: Partial<Record<InvoiceState, SampleQuery['status']>> = {
	draft: 'draft',
	open: 'open',
	partial: 'partial',
	paid: 'paid',
};

function byState(event: TriggerEvent, state: InvoiceState, previousState: InvoiceState | null): SampleQuery {
	return { event, status: STATUS_FILTER[state], state, previousState };
}

/** The queries to try, in the order of the events the user chose; the first that finds one wins. */
export function sampleQueries(options: WatchOptions): SampleQuery[] {
	const queries: SampleQuery[] = [];
	for (const event of options.events) {
		switch (event) {
			case 'newInvoice':
				queries.push({ event, previousState: null });
				break;
			case 'invoiceSent':
				queries.push(byState(event, 'open', 'draft'));
				break;
			case 'partiallyPaid':
				queries.push(byState(event, 'partial', 'open'));
				break;
			case 'paid':
				queries.push(byState(event, 'paid', 'partial'));
				break;
			case 'writtenOff':
				queries.push(byState(event, 'closed', 'open'));
				break;
			case 'reopened':
				queries.push(byState(event, 'open', 'closed'));
				break;
			case 'backToDraft':
				queries.push(byState(event, 'draft', 'open'));
				break;
			case 'overdue':
				queries.push({ event, status: 'pastdue', previousState: null });
				break;
			case 'stateChanged': {
				const targets = options.stateChangedTo?.length ? options.stateChangedTo : (['paid', 'open'] as const);
				for (const state of targets) queries.push(byState(event, state, TYPICAL_PREVIOUS[state]));
				break;
			}
			case 'paymentRecorded':
				queries.push(byState(event, 'paid', 'partial'), byState(event, 'partial', 'open'));
				break;
		}
	}
	return queries;
}
