/**
 * The sandbox's data: plain typed records in maps keyed by id. Tests may read and change them
 * directly (`sandbox.store`) to set up a situation or to assert on the outcome; the API routes
 * change them through `operations/`, which keep the derived fields (amounts, state) consistent.
 * Dates are `YYYY-MM-DD` strings and datetimes `YYYY-MM-DDTHH:MM:SSZ` strings, as on the wire.
 */
import { InvoiceIndexedMap } from './invoiceIndexedMap';
import { OrderedInvoiceMap } from './invoiceListOrder';

export type InvoiceState = 'draft' | 'open' | 'partial' | 'paid' | 'closed';

export type InvoiceKind = 'free_form' | 'project' | 'task' | 'people' | 'detailed';

export interface LineItem {
	/** Only Harvest v2 shows line item ids; the v2 routes give one to each line that lacks it (v2/lineItemIds.ts). */
	id?: number;
	kind: string;
	description: string;
	quantity: number;
	unitPrice: number;
	amount: number;
	taxed: boolean;
	taxed2: boolean;
	projectId: number | null;
}

export interface Invoice {
	id: number;
	clientId: number;
	periodStart: string | null;
	periodEnd: string | null;
	number: string;
	issuedAt: string;
	dueAt: string;
	dueAtHumanFormat: string;
	currency: string;
	state: InvoiceState;
	/** Whether it was sent or marked as sent since it was last a draft (only a paid invoice needs it, see wasSent). */
	sent: boolean;
	kind: InvoiceKind;
	notes: string;
	purchaseOrder: string;
	subject: string;
	/** Percentages, null when not set. */
	tax: number | null;
	tax2: number | null;
	discount: number | null;
	/** Derived from the line items, the percentages and the payments (see invoiceMath.ts). */
	amount: number;
	taxAmount: number;
	tax2Amount: number;
	discountAmount: number;
	dueAmount: number;
	createdAt: string;
	updatedAt: string;
	clientKey: string;
	recurringInvoiceId: number | null;
	estimateId: number | null;
	retainerId: number | null;
	createdById: number;
	lineItems: LineItem[];
	/** v2's online payment choices (ach, credit_card, paypal); absent means none. */
	paymentOptions?: string[];
}

export interface Payment {
	id: number;
	invoiceId: number;
	amount: number;
	paidAt: string;
	notes: string;
	recordedBy: string;
	recordedByEmail: string;
	createdAt: string;
	updatedAt: string;
}

/** What a message recorded, as v2's `event_type` names it: an email (null) or a state change. */
export type MessageEvent = 'send' | 'close' | 'draft' | 're-open';

export interface InvoiceMessage {
	id: number;
	invoiceId: number;
	/** A state change (v1 mark_as_* / re_open, v2 event_type); null or absent for an email. */
	eventType?: MessageEvent | null;
	subject: string;
	body: string;
	recipients: string[];
	fullRecipientList: string;
	sendMeACopy: boolean;
	attachPdf: boolean;
	includePayPalLink: boolean;
	thankYou: boolean;
	sentBy: string;
	sentByEmail: string;
	sentFrom: string;
	sentFromEmail: string;
	sendReminderOn: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface ItemCategory {
	id: number;
	name: string;
	useAsService: boolean;
	useAsExpense: boolean;
	createdAt: string;
	updatedAt: string;
}

export interface Client {
	id: number;
	name: string;
	active: boolean;
	currency: string;
	currencySymbol: string;
	details: string;
	createdAt: string;
	updatedAt: string;
}

export interface Contact {
	id: number;
	clientId: number;
	firstName: string;
	lastName: string;
	email: string;
	title: string;
	phoneOffice: string;
	phoneMobile: string;
	createdAt: string;
	updatedAt: string;
}

export interface Project {
	id: number;
	clientId: number;
	name: string;
	code: string;
	active: boolean;
	billable: boolean;
	hourlyRate: number;
	taskIds: number[];
	userIds: number[];
	createdAt: string;
	updatedAt: string;
}

export interface Task {
	id: number;
	name: string;
}

export interface Person {
	id: number;
	firstName: string;
	lastName: string;
	email: string;
}

export interface TimeEntry {
	id: number;
	projectId: number;
	taskId: number;
	userId: number;
	spentAt: string;
	hours: number;
	notes: string;
	/** The invoice the hours were billed on; billed entries are not imported again. */
	invoiceId: number | null;
}

export interface ExpenseEntry {
	id: number;
	projectId: number;
	userId: number;
	category: string;
	spentAt: string;
	totalCost: number;
	notes: string;
	invoiceId: number | null;
}

/** First ids per record type: different ranges make an id passed to the wrong endpoint a 404. */
const FIRST_IDS = {
	invoice: 100_001,
	payment: 500_001,
	message: 700_001,
	category: 1,
	client: 1_001,
	contact: 2_001,
	project: 3_001,
	task: 4_001,
	person: 5_001,
	timeEntry: 10_000_001,
	expenseEntry: 20_000_001,
	lineItem: 30_000_001,
} as const;

export type RecordType = keyof typeof FIRST_IDS;

export class SandboxStore {
	readonly invoices = new OrderedInvoiceMap<Invoice>();
	readonly payments = new InvoiceIndexedMap<Payment>();
	readonly messages = new InvoiceIndexedMap<InvoiceMessage>();
	readonly categories = new Map<number, ItemCategory>();
	readonly clients = new Map<number, Client>();
	readonly contacts = new Map<number, Contact>();
	readonly projects = new Map<number, Project>();
	readonly tasks = new Map<number, Task>();
	readonly people = new Map<number, Person>();
	readonly timeEntries = new Map<number, TimeEntry>();
	readonly expenseEntries = new Map<number, ExpenseEntry>();
	private readonly nextIds = new Map<RecordType, number>();

	/** A new id of that type, larger than any id the store holds. */
	nextId(type: RecordType): number {
		const id = this.nextIds.get(type) ?? FIRST_IDS[type];
		this.nextIds.set(type, id + 1);
		return id;
	}

	/** Records seeded with explicit ids must call this so later ids do not collide. */
	reserveId(type: RecordType, id: number): void {
		if (id >= (this.nextIds.get(type) ?? FIRST_IDS[type])) this.nextIds.set(type, id + 1);
	}

	paymentsOf(invoiceId: number): Payment[] {
		return this.payments.of(invoiceId);
	}

	messagesOf(invoiceId: number): InvoiceMessage[] {
		return this.messages.of(invoiceId);
	}

	contactsOf(clientId: number): Contact[] {
		return [...this.contacts.values()].filter((contact) => contact.clientId === clientId);
	}

	/** The category lines of hours are billed under (the default "Service" one, whatever its name). */
	serviceCategory(): ItemCategory | undefined {
		return [...this.categories.values()].find((category) => category.useAsService);
	}

	expenseCategory(): ItemCategory | undefined {
		return [...this.categories.values()].find((category) => category.useAsExpense);
	}

	clear(): void {
		for (const map of [
			this.invoices, this.payments, this.messages, this.categories, this.clients, this.contacts,
			this.projects, this.tasks, this.people, this.timeEntries, this.expenseEntries,
		] as Array<Map<number, unknown>>) {
			map.clear();
		}
		this.nextIds.clear();
	}
}
