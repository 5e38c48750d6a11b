import type { IDataObject } from 'n8n-workflow';

import type { InvoiceState, TriggerEvent } from '../../../nodes/HarvestInvoicing/trigger/types';
import { Prng, T0, iso } from './fixtures';

/**
 * A tiny stand-in for a Harvest account, written independently of the trigger: invoices move
 * through Harvest's state machine by random actions, and every action records the events it
 * stands for, in the order the trigger lists them for one change. That record is the truth the
 * trigger's output is compared with.
 */
interface ModelPayment {
	id: number;
	amount: number;
	created: number;
}

interface ModelInvoice {
	id: number;
	state: InvoiceState;
	amount: number;
	payments: ModelPayment[];
	created: number;
	updated: number;
}

/** `event:invoice` plus what tells two of the same apart: the payment id, or from>to for a state change. */
export type EventKey = string;

export const eventKey = (event: TriggerEvent, invoiceId: number, detail = '') =>
	`${event}:${invoiceId}${detail ? `:${detail}` : ''}`;

type Action = 'create' | 'send' | 'toDraft' | 'payPart' | 'payAll' | 'deletePayment' | 'close' | 'reopen';

export class HistoryModel {
	readonly invoices = new Map<number, ModelInvoice>();
	/** Truth: per invoice, the events in order. */
	readonly history = new Map<number, Array<{ event: TriggerEvent; key: EventKey }>>();
	/** Every version an invoice has had, to feed stale copies into listings. */
	private readonly versions = new Map<number, IDataObject[]>();
	clock = T0;
	private nextInvoiceId = 100_001;
	private nextPaymentId = 500_001;

	constructor(private readonly random: Prng) {}

	/** Starting invoices, dated before the watch starts; their actions are not events. */
	seed(count: number): void {
		for (let index = 0; index < count; index++) {
			const invoice = this.newInvoice(this.clock - this.random.int(3_600, 90 * 86_400));
			const ending = this.random.pick(['draft', 'open', 'partial', 'paid', 'closed'] as const);
			if (ending !== 'draft') invoice.state = 'open';
			if (ending === 'partial' || ending === 'paid') {
				const payment = this.pay(invoice, ending === 'paid' ? this.due(invoice) : 10);
				payment.created = invoice.created + 60;
			}
			if (ending === 'closed') invoice.state = 'closed';
			if (ending !== 'draft') invoice.updated = invoice.created + 120;
			this.snapshotVersion(invoice);
		}
	}

	private newInvoice(created: number): ModelInvoice {
		const invoice: ModelInvoice = {
			id: this.nextInvoiceId++,
			state: 'draft',
			amount: this.random.int(2, 90) * 10,
			payments: [],
			created,
			updated: created,
		};
		this.invoices.set(invoice.id, invoice);
		return invoice;
	}

	private due(invoice: ModelInvoice) {
		return invoice.amount - invoice.payments.reduce((sum, payment) => sum + payment.amount, 0);
	}

	private pay(invoice: ModelInvoice, amount: number): ModelPayment {
		const payment = { id: this.nextPaymentId++, amount, created: this.clock };
		invoice.payments.push(payment);
		invoice.state = this.due(invoice) === 0 ? 'paid' : 'partial';
		return payment;
	}

	/** The actions possible for an invoice now. */
	private actionsFor(invoice: ModelInvoice): Action[] {
		switch (invoice.state) {
			case 'draft':
				return ['send'];
			case 'open':
				return ['toDraft', 'payPart', 'payAll', 'close'];
			case 'partial':
				return ['payPart', 'payAll', 'deletePayment', 'close'];
			case 'paid':
				return ['deletePayment'];
			case 'closed':
				return ['reopen'];
		}
	}

	/**
	 * One random action on an invoice not in `untouchable` (or a new invoice); returns the id.
	 * The clock moves 0 to 90 seconds first, so many changes share a second or a minute.
	 */
	act(untouchable: ReadonlySet<number>): number | null {
		this.clock += this.random.pick([0, 0, 1, 5, 30, 59, 61, 90]);
		const touchable = [...this.invoices.values()].filter((invoice) => !untouchable.has(invoice.id));
		if (touchable.length === 0 || this.random.chance(0.12)) {
			const invoice = this.newInvoice(this.clock);
			this.record(invoice.id, 'newInvoice');
			this.snapshotVersion(invoice);
			return invoice.id;
		}
		const invoice = this.random.pick(touchable);
		const action = this.random.pick(this.actionsFor(invoice));
		const from = invoice.state;
		const changeEvents: TriggerEvent[] = [];
		switch (action) {
			case 'send':
				invoice.state = 'open';
				changeEvents.push('invoiceSent');
				break;
			case 'toDraft':
				invoice.state = 'draft';
				changeEvents.push('backToDraft');
				break;
			case 'payPart':
			case 'payAll': {
				const due = this.due(invoice);
				const amount = action === 'payAll' || due <= 10 ? due : this.random.int(1, due / 10 - 1) * 10;
				const payment = this.pay(invoice, amount);
				this.record(invoice.id, 'paymentRecorded', String(payment.id));
				if (invoice.state === 'partial' && from === 'open') changeEvents.push('partiallyPaid');
				if (invoice.state === 'paid') changeEvents.push('paid');
				break;
			}
			case 'deletePayment': {
				const gone = this.random.pick(invoice.payments);
				invoice.payments = invoice.payments.filter((payment) => payment !== gone);
				invoice.state = invoice.payments.length === 0 ? 'open' : 'partial';
				break;
			}
			case 'close':
				invoice.state = 'closed';
				changeEvents.push('writtenOff');
				break;
			case 'reopen':
				invoice.state = invoice.payments.length > 0 ? 'partial' : 'open';
				changeEvents.push('reopened');
				break;
		}
		invoice.updated = this.clock;
		for (const event of changeEvents) this.record(invoice.id, event);
		if (invoice.state !== from) this.record(invoice.id, 'stateChanged', `${from}>${invoice.state}`);
		this.snapshotVersion(invoice);
		return invoice.id;
	}

	private record(invoiceId: number, event: TriggerEvent, detail = ''): void {
		const events = this.history.get(invoiceId) ?? [];
		events.push({ event, key: eventKey(event, invoiceId, detail) });
		this.history.set(invoiceId, events);
	}

	private snapshotVersion(invoice: ModelInvoice): void {
		const versions = this.versions.get(invoice.id) ?? [];
		versions.push(this.toRecord(invoice));
		this.versions.set(invoice.id, versions);
	}

	toRecord(invoice: ModelInvoice): IDataObject {
		return {
			id: invoice.id,
			client_id: 1001,
			number: String(invoice.id),
			issued_at: iso(invoice.created).slice(0, 10),
			due_at: iso(invoice.created + 30 * 86_400).slice(0, 10),
			amount: invoice.amount,
			due_amount: this.due(invoice),
			state: invoice.state,
			created_at: iso(invoice.created),
			updated_at: iso(invoice.updated),
		};
	}

	/** One invoice as it is now, as a page read now lists it. */
	current(id: number): IDataObject {
		const invoice = this.invoices.get(id);
		if (!invoice) throw new Error(`no invoice ${id}`);
		return this.toRecord(invoice);
	}

	/** Every invoice, as the baseline lists them. */
	listAll(): IDataObject[] {
		return [...this.invoices.values()].map((invoice) => this.toRecord(invoice));
	}

	/**
	 * What `GET /invoices?updated_since=...` would return, as the pages arrive: Harvest's minute
	 * filter, in a random order, some records twice, and now and then an older copy of a record
	 * (a page read before the record changed).
	 */
	listUpdatedSince(updatedSinceMs: number): IDataObject[] {
		const since = updatedSinceMs / 1000;
		const listed: IDataObject[] = [];
		for (const invoice of this.invoices.values()) {
			if (invoice.updated < since) continue;
			listed.push(this.toRecord(invoice));
			if (this.random.chance(0.1)) listed.push(this.toRecord(invoice));
			const versions = this.versions.get(invoice.id) ?? [];
			if (versions.length > 1 && this.random.chance(0.1)) listed.push(versions[versions.length - 2]);
		}
		return this.random.shuffle(listed);
	}

	paymentsOf(invoiceId: number): IDataObject[] {
		const invoice = this.invoices.get(invoiceId);
		return (invoice?.payments ?? []).map((payment) => ({
			id: payment.id,
			invoice_id: invoiceId,
			amount: payment.amount,
			created_at: iso(payment.created),
			updated_at: iso(payment.created),
		}));
	}
}
