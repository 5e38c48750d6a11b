import { DEMO_COMPANY, DEMO_USER } from '../demoAccount';
import { formatLineItems } from '../lineItems';
import type { NumberFormat } from '../numberFormat';
import type { Client, Contact, Invoice, InvoiceMessage, ItemCategory, Payment, Project, SandboxStore } from '../store';
import type { ThrottleStatus } from '../throttle';
import { formatDateTime } from '../dates';
import { wire, type WireRecord } from './document';

/**
 * Store records as Harvest writes them. Field names, order and types follow the seeds' examples
 * field for field; the list of invoices adds `client_name`, a single invoice `csv_line_items` (numbers in
 * the account's format).
 */
export function invoiceRecord(invoice: Invoice, extra: { clientName: string } | { csvLineItems: NumberFormat }): WireRecord {
	return wire.record({
		id: wire.integer(invoice.id),
		client_id: wire.integer(invoice.clientId),
		period_start: wire.date(invoice.periodStart),
		period_end: wire.date(invoice.periodEnd),
		number: wire.string(invoice.number),
		issued_at: wire.date(invoice.issuedAt),
		due_at: wire.date(invoice.dueAt),
		amount: wire.decimal(invoice.amount),
		currency: wire.string(invoice.currency),
		state: wire.string(invoice.state),
		notes: wire.string(invoice.notes),
		purchase_order: wire.string(invoice.purchaseOrder),
		due_amount: wire.decimal(invoice.dueAmount),
		due_at_human_format: wire.string(invoice.dueAtHumanFormat),
		created_at: wire.dateTime(invoice.createdAt),
		updated_at: wire.dateTime(invoice.updatedAt),
		tax: wire.decimal(invoice.tax),
		tax_amount: wire.decimal(invoice.taxAmount),
		subject: wire.string(invoice.subject),
		recurring_invoice_id: wire.integer(invoice.recurringInvoiceId),
		tax2: wire.decimal(invoice.tax2),
		tax2_amount: wire.decimal(invoice.tax2Amount),
		client_key: wire.string(invoice.clientKey),
		estimate_id: wire.integer(invoice.estimateId),
		discount: wire.decimal(invoice.discount),
		discount_amount: wire.decimal(invoice.discountAmount),
		retainer_id: wire.integer(invoice.retainerId),
		created_by_id: wire.integer(invoice.createdById),
		...('clientName' in extra
			? { client_name: wire.string(extra.clientName) }
			: { csv_line_items: wire.string(formatLineItems(invoice.lineItems, extra.csvLineItems)) }),
	});
}

export function messageRecord(message: InvoiceMessage): WireRecord {
	return wire.record({
		id: wire.integer(message.id),
		invoice_id: wire.integer(message.invoiceId),
		send_me_a_copy: wire.boolean(message.sendMeACopy),
		body: wire.string(message.body),
		created_at: wire.dateTime(message.createdAt),
		sent_by: wire.string(message.sentBy),
		sent_by_email: wire.string(message.sentByEmail),
		thank_you: wire.boolean(message.thankYou),
		subject: wire.string(message.subject),
		include_pay_pal_link: wire.boolean(message.includePayPalLink),
		updated_at: wire.dateTime(message.updatedAt),
		sent_from_email: wire.string(message.sentFromEmail),
		sent_from: wire.string(message.sentFrom),
		send_reminder_on: wire.date(message.sendReminderOn),
		full_recipient_list: wire.string(message.fullRecipientList),
	});
}

export function paymentRecord(payment: Payment): WireRecord {
	return wire.record({
		id: wire.integer(payment.id),
		invoice_id: wire.integer(payment.invoiceId),
		amount: wire.decimal(payment.amount),
		paid_at: wire.dateTime(payment.paidAt),
		created_at: wire.dateTime(payment.createdAt),
		notes: wire.string(payment.notes),
		recorded_by: wire.string(payment.recordedBy),
		recorded_by_email: wire.string(payment.recordedByEmail),
		pay_pal_transaction_id: wire.string(null),
		authorization: wire.string(null),
		payment_gateway_id: wire.integer(null),
		updated_at: wire.dateTime(payment.updatedAt),
	});
}

export function categoryRecord(category: ItemCategory): WireRecord {
	return wire.record({
		id: wire.integer(category.id),
		name: wire.string(category.name),
		created_at: wire.dateTime(category.createdAt),
		updated_at: wire.dateTime(category.updatedAt),
		use_as_service: wire.boolean(category.useAsService),
		use_as_expense: wire.boolean(category.useAsExpense),
	});
}

/** Harvest v1's client record (the fields a client picker needs, plus Harvest's usual extras). */
export function clientRecord(client: Client): WireRecord {
	return wire.record({
		id: wire.integer(client.id),
		name: wire.string(client.name),
		active: wire.boolean(client.active),
		currency: wire.string(client.currency),
		currency_symbol: wire.string(client.currencySymbol),
		details: wire.string(client.details),
		highrise_id: wire.integer(null),
		default_invoice_timeframe: wire.string(null),
		last_invoice_kind: wire.string(null),
		created_at: wire.dateTime(client.createdAt),
		updated_at: wire.dateTime(client.updatedAt),
	});
}

export function contactRecord(contact: Contact): WireRecord {
	return wire.record({
		id: wire.integer(contact.id),
		client_id: wire.integer(contact.clientId),
		first_name: wire.string(contact.firstName),
		last_name: wire.string(contact.lastName),
		email: wire.string(contact.email),
		title: wire.string(contact.title),
		phone_office: wire.string(contact.phoneOffice),
		phone_mobile: wire.string(contact.phoneMobile),
		fax: wire.string(''),
		created_at: wire.dateTime(contact.createdAt),
		updated_at: wire.dateTime(contact.updatedAt),
	});
}

export function projectRecord(project: Project): WireRecord {
	return wire.record({
		id: wire.integer(project.id),
		client_id: wire.integer(project.clientId),
		name: wire.string(project.name),
		code: wire.string(project.code),
		active: wire.boolean(project.active),
		billable: wire.boolean(project.billable),
		bill_by: wire.string('Project'),
		hourly_rate: wire.decimal(project.hourlyRate),
		budget: wire.decimal(null),
		budget_by: wire.string('none'),
		notes: wire.string(''),
		starts_on: wire.date(null),
		ends_on: wire.date(null),
		created_at: wire.dateTime(project.createdAt),
		updated_at: wire.dateTime(project.updatedAt),
	});
}

/** `/account/who_am_i`; `invoicesModule: false` is how a sandbox account without invoicing looks. */
export function whoAmIRecord(store: SandboxStore, invoicesModule: boolean, numberFormat: NumberFormat): WireRecord {
	const user = store.people.get(DEMO_USER.id);
	return wire.record({
		company: wire.record({
			base_uri: wire.string(DEMO_COMPANY.baseUri),
			full_domain: wire.string(DEMO_COMPANY.fullDomain),
			name: wire.string(DEMO_COMPANY.name),
			active: wire.boolean(true),
			week_start_day: wire.string(DEMO_COMPANY.weekStartDay),
			time_format: wire.string(DEMO_COMPANY.timeFormat),
			clock: wire.string(DEMO_COMPANY.clock),
			decimal_symbol: wire.string(numberFormat.decimalSymbol),
			thousands_separator: wire.string(numberFormat.thousandsSeparator),
			color_scheme: wire.string(DEMO_COMPANY.colorScheme),
			modules: wire.record({
				expenses: wire.boolean(true),
				invoices: wire.boolean(invoicesModule),
				estimates: wire.boolean(true),
				approval: wire.boolean(false),
			}),
		}),
		user: wire.record({
			timezone: wire.string(DEMO_USER.timezone),
			id: wire.integer(DEMO_USER.id),
			email: wire.string(user?.email ?? DEMO_USER.email),
			admin: wire.boolean(true),
			first_name: wire.string(user?.firstName ?? DEMO_USER.firstName),
			last_name: wire.string(user?.lastName ?? DEMO_USER.lastName),
			avatar_url: wire.string('/assets/profile_images/avatar.png'),
			project_manager: wire.record({
				is_project_manager: wire.boolean(true),
				can_see_rates: wire.boolean(true),
				can_create_projects: wire.boolean(true),
				can_create_invoices: wire.boolean(true),
			}),
			timestamp_timers: wire.boolean(false),
			timezone_identifier: wire.string(DEMO_USER.timezoneIdentifier),
			timezone_utc_offset: wire.integer(0),
		}),
	});
}

/** `/account/rate_limit_status`, as Harvest v1 reported it. */
export function rateLimitRecord(status: ThrottleStatus): WireRecord {
	return wire.record({
		timeframe_limit: wire.integer(status.windowSeconds === null ? null : Math.ceil(status.windowSeconds)),
		request_count: wire.integer(status.requestCount),
		max_calls: wire.integer(status.limit),
		lockout_seconds: wire.integer(status.lockoutSeconds),
		last_access_at: wire.dateTime(status.lastAccessAt === null ? null : formatDateTime(status.lastAccessAt)),
	});
}
