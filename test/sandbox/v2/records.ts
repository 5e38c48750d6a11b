import type { SandboxContext } from '../context';
import { DEMO_COMPANY, DEMO_USER } from '../demoAccount';
import type { Client, Contact, Invoice, InvoiceMessage, ItemCategory, LineItem, Payment, Project, SandboxStore } from '../store';
import { isoCurrency } from './currency';
import { invoiceTimes } from './invoiceHistory';
import { ensureLineItemIds } from './lineItemIds';
import { paymentTermOf } from './paymentTerms';

/**
 * Store records as Harvest v2 writes them (help.getharvest.com/api-v2 and the jolicode OpenAPI
 * schemas): snake_case, ISO 8601 datetimes with Z, dates YYYY-MM-DD, ISO currency codes, related
 * records as `{id, name}` objects, and a partly paid invoice in state `open`.
 */
export function invoiceV2(store: SandboxStore, invoice: Invoice): Record<string, unknown> {
	ensureLineItemIds(store, invoice);
	const client = store.clients.get(invoice.clientId);
	const creator = store.people.get(invoice.createdById);
	const times = invoiceTimes(store, invoice);
	return {
		id: invoice.id,
		client_key: invoice.clientKey,
		number: invoice.number,
		purchase_order: invoice.purchaseOrder,
		amount: invoice.amount,
		due_amount: invoice.dueAmount,
		tax: invoice.tax,
		tax_amount: invoice.taxAmount,
		tax2: invoice.tax2,
		tax2_amount: invoice.tax2Amount,
		discount: invoice.discount,
		discount_amount: invoice.discountAmount,
		subject: invoice.subject,
		notes: invoice.notes,
		currency: isoCurrency(invoice.currency),
		state: invoice.state === 'partial' ? 'open' : invoice.state,
		period_start: invoice.periodStart,
		period_end: invoice.periodEnd,
		issue_date: invoice.issuedAt,
		due_date: invoice.dueAt,
		payment_term: paymentTermOf(invoice.dueAtHumanFormat),
		payment_options: [...(invoice.paymentOptions ?? [])],
		sent_at: times.sentAt,
		paid_at: times.paidAt,
		paid_date: times.paidAt?.slice(0, 10) ?? null,
		closed_at: times.closedAt,
		recurring_invoice_id: invoice.recurringInvoiceId,
		created_at: invoice.createdAt,
		updated_at: invoice.updatedAt,
		client: { id: invoice.clientId, name: client?.name ?? '' },
		estimate: invoice.estimateId === null ? null : { id: invoice.estimateId },
		retainer: invoice.retainerId === null ? null : { id: invoice.retainerId },
		creator: { id: invoice.createdById, name: creator ? `${creator.firstName} ${creator.lastName}` : '' },
		line_items: invoice.lineItems.map((item) => lineItemV2(store, item)),
	};
}

function lineItemV2(store: SandboxStore, item: LineItem): Record<string, unknown> {
	const project = item.projectId === null ? undefined : store.projects.get(item.projectId);
	return {
		id: item.id,
		kind: item.kind,
		description: item.description,
		quantity: item.quantity,
		unit_price: item.unitPrice,
		amount: item.amount,
		taxed: item.taxed,
		taxed2: item.taxed2,
		project: project ? { id: project.id, name: project.name, code: project.code } : null,
	};
}

/** The names v2 sends with recipients are kept in v1's full-recipient-list (`"Name" <email>`). */
export function recipientsOf(message: InvoiceMessage): Array<{ name: string; email: string }> {
	return message.recipients.map((email) => {
		const quoted = new RegExp(`"([^"]*)" <${email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>`, 'i').exec(message.fullRecipientList);
		return { name: quoted ? quoted[1] : '', email };
	});
}

export function messageV2(message: InvoiceMessage): Record<string, unknown> {
	return {
		id: message.id,
		sent_by: message.sentBy,
		sent_by_email: message.sentByEmail,
		sent_from: message.sentFrom,
		sent_from_email: message.sentFromEmail,
		recipients: recipientsOf(message),
		subject: message.subject,
		body: message.body,
		include_link_to_client_invoice: false,
		attach_pdf: message.attachPdf,
		send_me_a_copy: message.sendMeACopy,
		thank_you: message.thankYou,
		event_type: message.eventType ?? null,
		reminder: false,
		send_reminder_on: message.sendReminderOn,
		created_at: message.createdAt,
		updated_at: message.updatedAt,
	};
}

export function paymentV2(payment: Payment): Record<string, unknown> {
	return {
		id: payment.id,
		amount: payment.amount,
		paid_at: payment.paidAt,
		paid_date: payment.paidAt.slice(0, 10),
		recorded_by: payment.recordedBy,
		recorded_by_email: payment.recordedByEmail,
		notes: payment.notes,
		transaction_id: null,
		payment_gateway: { id: null, name: null },
		created_at: payment.createdAt,
		updated_at: payment.updatedAt,
	};
}

export function categoryV2(category: ItemCategory): Record<string, unknown> {
	return {
		id: category.id,
		name: category.name,
		use_as_service: category.useAsService,
		use_as_expense: category.useAsExpense,
		created_at: category.createdAt,
		updated_at: category.updatedAt,
	};
}

export function clientV2(client: Client): Record<string, unknown> {
	return {
		id: client.id,
		name: client.name,
		is_active: client.active,
		address: client.details,
		statement_key: `statement-${client.id}`,
		currency: isoCurrency(client.currency),
		created_at: client.createdAt,
		updated_at: client.updatedAt,
	};
}

export function contactV2(store: SandboxStore, contact: Contact): Record<string, unknown> {
	return {
		id: contact.id,
		title: contact.title,
		first_name: contact.firstName,
		last_name: contact.lastName,
		email: contact.email,
		phone_office: contact.phoneOffice,
		phone_mobile: contact.phoneMobile,
		fax: '',
		created_at: contact.createdAt,
		updated_at: contact.updatedAt,
		client: { id: contact.clientId, name: store.clients.get(contact.clientId)?.name ?? '' },
	};
}

export function projectV2(store: SandboxStore, project: Project): Record<string, unknown> {
	const client = store.clients.get(project.clientId);
	return {
		id: project.id,
		name: project.name,
		code: project.code,
		is_active: project.active,
		is_billable: project.billable,
		is_fixed_fee: false,
		bill_by: 'Project',
		hourly_rate: project.hourlyRate,
		budget: null,
		budget_by: 'none',
		budget_is_monthly: false,
		notify_when_over_budget: false,
		over_budget_notification_percentage: 80,
		show_budget_to_all: false,
		cost_budget: null,
		cost_budget_include_expenses: false,
		fee: null,
		notes: '',
		starts_on: null,
		ends_on: null,
		created_at: project.createdAt,
		updated_at: project.updatedAt,
		client: { id: project.clientId, name: client?.name ?? '', currency: isoCurrency(client?.currency ?? DEMO_COMPANY.currency) },
	};
}

/** `/v2/users/me`: the demo user (also the first person of the seeded team). */
export function userV2(store: SandboxStore): Record<string, unknown> {
	const person = store.people.get(DEMO_USER.id);
	return {
		id: DEMO_USER.id,
		first_name: person?.firstName ?? DEMO_USER.firstName,
		last_name: person?.lastName ?? DEMO_USER.lastName,
		email: person?.email ?? DEMO_USER.email,
		telephone: '',
		timezone: DEMO_USER.timezone,
		has_access_to_all_future_projects: true,
		is_contractor: false,
		is_active: true,
		weekly_capacity: 126000,
		default_hourly_rate: null,
		cost_rate: null,
		roles: [],
		access_roles: ['administrator'],
		permissions_claims: ['billable_rates:read', 'invoices:read', 'invoices:write'],
		avatar_url: 'https://d3s3969qhosaug.cloudfront.net/v2/user.png',
		created_at: '2016-06-07T10:43:08Z',
		updated_at: '2016-06-07T10:43:08Z',
	};
}

/** `/v2/company`: the features say what the account may use (invoice_feature follows the invoices module). */
export function companyV2(context: SandboxContext): Record<string, unknown> {
	return {
		base_uri: DEMO_COMPANY.baseUri,
		full_domain: DEMO_COMPANY.fullDomain,
		name: DEMO_COMPANY.name,
		is_active: true,
		week_start_day: DEMO_COMPANY.weekStartDay,
		wants_timestamp_timers: false,
		time_format: DEMO_COMPANY.timeFormat,
		date_format: '%Y-%m-%d',
		plan_type: 'sandbox',
		clock: DEMO_COMPANY.clock,
		currency_code_display: 'iso_code_none',
		currency_symbol_display: 'symbol_before',
		decimal_symbol: context.numberFormat.decimalSymbol,
		thousands_separator: context.numberFormat.thousandsSeparator,
		color_scheme: DEMO_COMPANY.colorScheme,
		weekly_capacity: 126000,
		expense_feature: true,
		invoice_feature: context.invoicesModule,
		estimate_feature: true,
		approval_feature: false,
		team_feature: true,
	};
}
