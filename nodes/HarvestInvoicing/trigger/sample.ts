import type { InvoiceView } from '../transport/invoiceView';
import type { InvoiceStatusFilter } from '../transport/operationRequest';
import { invoiceState } from './records';
import type { InvoiceState, TriggerEvent, WatchOptions } from './types';

/**
 * "Fetch Test Event" shows a real, recent invoice that is in the state the chosen event leads to,
 * so the user can map its fields; it reads nothing into the snapshot. Each query is one page of
 * the invoice list (most recently issued first), optionally filtered by `status`; of its invoices
 * in `state` (any state when unset), the one changed last is the sample. The state before the
 * change is not known from one read, so the sample does not claim one.
 */
export interface SampleQuery {
	event: TriggerEvent;
	status?: Extract<InvoiceStatusFilter, 'open' | 'partial' | 'draft' | 'paid' | 'pastdue'>;
	state?: InvoiceState;
}

const STATUS_FILTER: Partial<Record<InvoiceState, SampleQuery['status']>> = {
	draft: 'draft',
	open: 'open',
	partial: 'partial',
	paid: 'paid',
};

function byState(event: TriggerEvent, state: InvoiceState): SampleQuery {
	return { event, status: STATUS_FILTER[state], state };
}

/** The queries to try, in the order of the events the user chose; the first that finds one wins. */
export function sampleQueries(options: WatchOptions): SampleQuery[] {
	const queries: SampleQuery[] = [];
	for (const event of options.events) {
		switch (event) {
			case 'newInvoice':
				queries.push({ event });
				break;
			case 'invoiceSent':
			case 'reopened':
				queries.push(byState(event, 'open'));
				break;
			case 'partiallyPaid':
				queries.push(byState(event, 'partial'));
				break;
			case 'paid':
				queries.push(byState(event, 'paid'));
				break;
			case 'writtenOff':
				queries.push(byState(event, 'closed'));
				break;
			case 'backToDraft':
				queries.push(byState(event, 'draft'));
				break;
			case 'overdue':
				queries.push({ event, status: 'pastdue' });
				break;
			case 'stateChanged': {
				const targets = options.stateChangedTo?.length ? options.stateChangedTo : (['paid', 'open'] as const);
				for (const state of targets) queries.push(byState(event, state));
				break;
			}
			case 'paymentRecorded':
				queries.push(byState(event, 'paid'), byState(event, 'partial'));
				break;
		}
	}
	return queries;
}

const timeOf = (ms: number | null): number => ms ?? Number.NEGATIVE_INFINITY;

/**
 * The sample among one page of the list: of the invoices in the query's state, the one changed
 * last (for New Invoice, the one created last); on a tie, the first listed.
 */
export function pickSample(query: SampleQuery, invoices: InvoiceView[]): InvoiceView | undefined {
	const time = (invoice: InvoiceView) => timeOf(query.event === 'newInvoice' ? invoice.createdAtMs : invoice.updatedAtMs);
	let best: InvoiceView | undefined;
	for (const invoice of invoices) {
		if (query.state && invoiceState(invoice) !== query.state) continue;
		if (!best || time(invoice) > time(best)) best = invoice;
	}
	return best;
}

/**
 * The state the sample claims it came from: only Invoice Overdue knows it (falling overdue does
 * not change the state); for every other event it is unknown, so null rather than a guess.
 */
export function samplePreviousState(query: SampleQuery, invoice: InvoiceView): InvoiceState | null {
	return query.event === 'overdue' ? invoiceState(invoice) : null;
}
