import type { LineItem } from '../shared/lineItems';

/**
 * The action node's requests in its own words. The operations route their fields into these
 * records (body roots `invoice`, `message`, `stateChange`, `payment`, `category`; query keys of
 * `InvoiceListFilters`) and their hooks check and complete them; each dialect (transport/v1,
 * transport/v2) turns them into its own paths, bodies and queries. Nothing here is Harvest spelling.
 */

/** One per operation: `resource:operation`, as the node's parameters name them. */
export type OperationKey =
	| 'invoice:create'
	| 'invoice:delete'
	| 'invoice:get'
	| 'invoice:getAll'
	| 'invoice:update'
	| 'message:delete'
	| 'message:get'
	| 'message:getAll'
	| 'message:markAsClosed'
	| 'message:markAsDraft'
	| 'message:markAsSent'
	| 'message:reOpen'
	| 'message:send'
	| 'payment:create'
	| 'payment:delete'
	| 'payment:get'
	| 'payment:getAll'
	| 'category:create'
	| 'category:delete'
	| 'category:getAll'
	| 'category:update';

export type IdName = 'invoiceId' | 'messageId' | 'paymentId' | 'categoryId';

/** The validated IDs (digits) of the records an operation works on. */
export type OperationIds = Partial<Record<IdName, string>>;

/** The IDs each operation needs, read from the node parameters of the same name. */
export const OPERATION_IDS: Record<OperationKey, IdName[]> = {
	'invoice:create': [],
	'invoice:delete': ['invoiceId'],
	'invoice:get': ['invoiceId'],
	'invoice:getAll': [],
	'invoice:update': ['invoiceId'],
	'message:delete': ['invoiceId', 'messageId'],
	'message:get': ['invoiceId', 'messageId'],
	'message:getAll': ['invoiceId'],
	'message:markAsClosed': ['invoiceId'],
	'message:markAsDraft': ['invoiceId'],
	'message:markAsSent': ['invoiceId'],
	'message:reOpen': ['invoiceId'],
	'message:send': ['invoiceId'],
	'payment:create': ['invoiceId'],
	'payment:delete': ['invoiceId', 'paymentId'],
	'payment:get': ['invoiceId', 'paymentId'],
	'payment:getAll': ['invoiceId'],
	'category:create': [],
	'category:delete': ['categoryId'],
	'category:getAll': [],
	'category:update': ['categoryId'],
};

/** The node's Due Terms choices. */
export type DueTermsChoice = 'uponReceipt' | 'net15' | 'net30' | 'net45' | 'net60' | 'custom';

/** When an invoice is due: a term and the days after the issue date it means (0 upon receipt). */
export interface DueTerms {
	term: DueTermsChoice;
	days: number;
}

/** Line items as the user gave them: structured, plus the text when typed as raw CSV. */
export interface LineItems {
	items: LineItem[];
	/** The Raw CSV input exactly as typed (checked), for an API that takes that text as it is. */
	typedCsv?: string;
}

/** How much of the tracked hours or expenses to import: everything uninvoiced, a period, nothing. */
export type ImportChoice = 'all' | 'period' | 'none';

export interface DateRange {
	/** `YYYY-MM-DD` */
	from?: string;
	/** `YYYY-MM-DD` */
	to?: string;
}

/** An invoice built from tracked time instead of line items. */
export interface TrackedTimeImport {
	projectIds: number[];
	/** One line per project, task, person, or per entry (the node's Invoice Type). */
	summary: 'project' | 'task' | 'people' | 'detailed';
	hours?: ImportChoice;
	hoursPeriod?: DateRange;
	expenses?: ImportChoice;
	/** category, people, project or detailed */
	expenseSummary?: string;
	expensePeriod?: DateRange;
}

export interface InvoiceRecord {
	clientId?: number;
	/** `YYYY-MM-DD` */
	issueDate?: string;
	dueTerms?: DueTerms;
	number?: string;
	purchaseOrder?: string;
	subject?: string;
	notes?: string;
	tax?: number;
	tax2?: number;
	discount?: number;
	currency?: string;
	/** The period the invoice covers (`YYYY-MM-DD`). */
	periodStart?: string;
	periodEnd?: string;
	/** Create: the lines of a free-form invoice. Update: the lines to set or add. */
	lineItems?: LineItems;
	/** Update: whether `lineItems` replace every line or are added after the current ones. */
	lineItemsChange?: 'replace' | 'append';
	fromTrackedTime?: TrackedTimeImport;
	/** Routed by the Invoice Type field; folded into `fromTrackedTime` (or dropped) by Create's hook. */
	type?: string;
}

export interface MessageRecord {
	recipients?: string[];
	subject?: string;
	body?: string;
	attachPdf?: boolean;
	sendMeACopy?: boolean;
	includePaymentLink?: boolean;
}

export interface StateChangeRecord {
	/** A note kept in the invoice's history with the change. */
	note?: string;
}

export interface PaymentRecord {
	amount?: number;
	/** Wall-clock `YYYY-MM-DDTHH:MM:SS`, no zone: the day the money came. */
	paidAt?: string;
	notes?: string;
}

export interface CategoryRecord {
	name?: string;
}

/** The node's invoice status filter values. */
export const INVOICE_STATUS_FILTERS = ['open', 'partial', 'draft', 'paid', 'closed', 'unpaid', 'pastdue'] as const;
export type InvoiceStatusFilter = (typeof INVOICE_STATUS_FILTERS)[number];

export interface InvoiceListFilters {
	clientId?: string;
	status?: InvoiceStatusFilter;
	/** `YYYY-MM-DD` */
	issuedFrom?: string;
	/** `YYYY-MM-DD` */
	issuedTo?: string;
	/** ISO 8601 in UTC, to the minute: `YYYY-MM-DDTHH:MM:00Z`. */
	updatedSince?: string;
}

/** One routed request of the action node, ready for a dialect to spell. */
export interface OperationRequest {
	operation: OperationKey;
	ids: OperationIds;
	invoice?: InvoiceRecord;
	message?: MessageRecord;
	stateChange?: StateChangeRecord;
	payment?: PaymentRecord;
	category?: CategoryRecord;
	filters?: InvoiceListFilters;
}

/** The body roots the operations route into. */
export type RecordRoot = 'invoice' | 'message' | 'stateChange' | 'payment' | 'category';

/** The routing URL of an operation: its key (the dialect maps it to its own endpoint). */
export function isOperationKey(value: string): value is OperationKey {
	return Object.prototype.hasOwnProperty.call(OPERATION_IDS, value);
}
