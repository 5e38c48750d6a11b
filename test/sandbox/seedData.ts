import { clientKeyFor } from './clientKey';
import { addDays, DAY_IN_MS, formatDateTime } from './dates';
import { DEMO_COMPANY, DEMO_USER, demoUserName } from './demoAccount';
import { applyTotals, lineAmount, roundMoney } from './invoiceMath';
import { SeededRandom } from './random';
import type { Client, Invoice, InvoiceState, LineItem, Project, SandboxStore } from './store';

export interface SeedOptions {
	/** Seed of the pseudo-random generator: the same seed gives the same data. */
	seed: number;
	/** How many invoices to generate (in every state). */
	invoices: number;
	/** The sandbox clock's instant; every seeded record is dated at or before it. */
	nowMs: number;
}

/** Created in 2016 like the seed's example categories; ids 1 and 2 as in the seed. */
const DEFAULT_CATEGORY_TIME = '2016-06-07T10:43:08Z';

const CLIENT_NAMES = [
	'Acme Rockets', 'Blue Harbor Foods', 'Cobalt Labs', 'Dune & Sons', 'Evergreen Clinic', 'Foxglove Studio',
	'Granite Works', 'Hollow Tree Books', 'Ironclad Security', 'Juniper Travel', 'Kestrel Logistics', 'Lumen Energy',
];
const CURRENCIES = [
	{ name: DEMO_COMPANY.currency, symbol: '$' },
	{ name: 'Euro - EUR', symbol: '€' },
	{ name: 'British Pound - GBP', symbol: '£' },
];
const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena'];
const LAST_NAMES = ['Novak', 'Okafor', 'Perez', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Ueda', 'Varga', 'Weber'];
const TASK_NAMES = ['Design', 'Development', 'Project Management', 'Testing', 'Research', 'Writing'];
const PROJECT_NAMES = ['Website Redesign', 'Mobile App', 'Brand Refresh', 'Data Migration', 'Support Retainer', 'Audit'];
const WORK_NOTES = ['Kick-off meeting', 'Wireframes, first pass', 'Fixed the "login" bug', 'Code review', 'Client call', 'Deployment'];
const EXPENSE_CATEGORIES = ['Travel', 'Meals', 'Software', 'Hardware'];
const PRODUCT_DESCRIPTIONS = ['Hosting, 12 months', 'Stock photos', 'License "Pro"', 'Printed brochures'];

/**
 * The share of each state among seeded invoices, as a repeating pattern so that even a handful of
 * invoices covers every state: 3 draft, 7 open, 3 partial, 5 paid, 2 closed in every 20.
 */
const STATE_PATTERN: InvoiceState[] = [
	'draft', 'open', 'partial', 'paid', 'closed', 'open', 'paid', 'open', 'partial', 'draft',
	'paid', 'open', 'open', 'paid', 'partial', 'draft', 'open', 'paid', 'closed', 'open',
];

/**
 * Fills an empty store with a deterministic account: categories, people, tasks, clients with
 * contacts, projects, unbilled time and expense entries, and `invoices` invoices in every state
 * (open and partial ones partly past due), with their payments and messages.
 */
export function seedStore(store: SandboxStore, options: SeedOptions): void {
	const random = new SeededRandom(options.seed);
	const today = formatDateTime(options.nowMs).slice(0, 10);
	seedCategories(store);
	seedPeopleAndTasks(store, random);
	const clients = seedClients(store, random, options.nowMs);
	const projects = seedProjects(store, random, clients, options.nowMs);
	seedEntries(store, random, projects, today);
	seedInvoices(store, random, options, clients, projects);
}

function seedCategories(store: SandboxStore): void {
	for (const [name, useAsService] of [['Service', true], ['Product', false]] as const) {
		const id = store.nextId('category');
		store.categories.set(id, {
			id, name, useAsService, useAsExpense: !useAsService, createdAt: DEFAULT_CATEGORY_TIME, updatedAt: DEFAULT_CATEGORY_TIME,
		});
	}
}

function seedPeopleAndTasks(store: SandboxStore, random: SeededRandom): void {
	store.people.set(DEMO_USER.id, { id: DEMO_USER.id, firstName: DEMO_USER.firstName, lastName: DEMO_USER.lastName, email: DEMO_USER.email });
	store.reserveId('person', DEMO_USER.id);
	for (let index = 0; index < 4; index++) {
		const id = store.nextId('person');
		const firstName = FIRST_NAMES[index];
		const lastName = random.pick(LAST_NAMES);
		store.people.set(id, { id, firstName, lastName, email: `${firstName}.${lastName}@demo-company.example`.toLowerCase() });
	}
	for (const name of TASK_NAMES) {
		const id = store.nextId('task');
		store.tasks.set(id, { id, name });
	}
}

function seedClients(store: SandboxStore, random: SeededRandom, nowMs: number): Client[] {
	const createdAt = formatDateTime(nowMs - 800 * DAY_IN_MS);
	return CLIENT_NAMES.map((name, index) => {
		const currency = index % 5 === 3 ? CURRENCIES[1 + (index % 2)] : CURRENCIES[0];
		const client: Client = {
			id: store.nextId('client'), name, active: index % 6 !== 5, currency: currency.name, currencySymbol: currency.symbol,
			details: `${index + 1} Main Street\nSpringfield`, createdAt, updatedAt: createdAt,
		};
		store.clients.set(client.id, client);
		const domain = name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '') + '.example';
		for (let count = random.int(1, 3), contactIndex = 0; contactIndex < count; contactIndex++) {
			const firstName = random.pick(FIRST_NAMES);
			const lastName = random.pick(LAST_NAMES);
			const id = store.nextId('contact');
			store.contacts.set(id, {
				id, clientId: client.id, firstName, lastName, email: `${firstName}.${lastName}@${domain}`.toLowerCase(),
				title: contactIndex === 0 ? 'Accounts payable' : '', phoneOffice: `555-01${String(id % 100).padStart(2, '0')}`,
				phoneMobile: '', createdAt, updatedAt: createdAt,
			});
		}
		return client;
	});
}

function seedProjects(store: SandboxStore, random: SeededRandom, clients: Client[], nowMs: number): Project[] {
	const taskIds = [...store.tasks.keys()];
	const userIds = [...store.people.keys()];
	const createdAt = formatDateTime(nowMs - 700 * DAY_IN_MS);
	const projects: Project[] = [];
	for (const client of clients) {
		for (let count = random.int(1, 3), index = 0; index < count; index++) {
			const id = store.nextId('project');
			const project: Project = {
				id, clientId: client.id, name: PROJECT_NAMES[(client.id + index) % PROJECT_NAMES.length], code: `P-${id}`,
				active: client.active, billable: true, hourlyRate: 5 * random.int(16, 36),
				taskIds: random.sample(taskIds, random.int(2, 4)), userIds: random.sample(userIds, random.int(2, 4)),
				createdAt, updatedAt: createdAt,
			};
			store.projects.set(id, project);
			projects.push(project);
		}
	}
	return projects;
}

/** Unbilled hours and expenses over the last 120 days, for the project/task/people/detailed invoices. */
function seedEntries(store: SandboxStore, random: SeededRandom, projects: Project[], today: string): void {
	for (const project of projects) {
		for (let count = random.int(12, 24), index = 0; index < count; index++) {
			const id = store.nextId('timeEntry');
			store.timeEntries.set(id, {
				id, projectId: project.id, taskId: random.pick(project.taskIds), userId: random.pick(project.userIds),
				spentAt: addDays(today, -random.int(1, 120)), hours: random.int(1, 32) / 4, notes: random.pick(WORK_NOTES), invoiceId: null,
			});
		}
		for (let count = random.int(2, 6), index = 0; index < count; index++) {
			const id = store.nextId('expenseEntry');
			store.expenseEntries.set(id, {
				id, projectId: project.id, userId: random.pick(project.userIds), category: random.pick(EXPENSE_CATEGORIES),
				spentAt: addDays(today, -random.int(1, 120)), totalCost: random.int(1000, 90000) / 100, notes: `Receipt #${id % 10000}`,
				invoiceId: null,
			});
		}
	}
}

interface PlannedInvoice {
	state: InvoiceState;
	issuedAt: string;
}

function seedInvoices(store: SandboxStore, random: SeededRandom, options: SeedOptions, clients: Client[], projects: Project[]): void {
	const today = formatDateTime(options.nowMs).slice(0, 10);
	// Drafts are recent, unpaid invoices from the last few months (so some are past due, some not),
	// settled ones from the last two years. Numbers follow the issue dates, as in a real account.
	const planned: PlannedInvoice[] = [];
	for (let index = 0; index < options.invoices; index++) {
		const state = STATE_PATTERN[index % STATE_PATTERN.length];
		const maxAge = state === 'draft' ? 20 : state === 'open' || state === 'partial' ? 100 : 730;
		planned.push({ state, issuedAt: addDays(today, -random.int(0, maxAge)) });
	}
	planned.sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0));
	const projectsByClient = new Map<number, Project[]>();
	for (const project of projects) projectsByClient.set(project.clientId, [...(projectsByClient.get(project.clientId) ?? []), project]);
	planned.forEach((plan, index) => {
		const client = random.pick(clients);
		seedInvoice(store, random, options, { ...plan, number: String(index + 1), client, projects: projectsByClient.get(client.id) ?? [] });
	});
}

function seedInvoice(
	store: SandboxStore,
	random: SeededRandom,
	options: SeedOptions,
	plan: PlannedInvoice & { number: string; client: Client; projects: Project[] },
): void {
	const id = store.nextId('invoice');
	// History that would lie in the future is pulled back before the clock, to a ceiling of its own
	// per invoice (spread over the last day, at least an hour back): a real account has no pile of
	// changes in one minute, and a poller's `updated_since` overlap right after seeding finds none.
	// min() keeps each invoice's own order (created <= sent <= paid).
	const ceiling = options.nowMs - 3600_000 - (id % 1440) * 60_000;
	const clamp = (ms: number) => Math.min(ms, ceiling);
	const createdMs = clamp(Date.parse(`${plan.issuedAt}T00:00:00Z`) + random.int(8 * 3600, 11 * 3600) * 1000);
	const netDays = random.pick([0, 15, 30, 30, 45]);
	const withTax = random.chance(0.3);
	const invoice: Invoice = {
		id, clientId: plan.client.id, periodStart: null, periodEnd: null, number: plan.number, issuedAt: plan.issuedAt,
		dueAt: addDays(plan.issuedAt, netDays), dueAtHumanFormat: netDays === 0 ? 'upon receipt' : `NET ${netDays}`,
		currency: plan.client.currency, state: plan.state, sent: plan.state !== 'draft', kind: 'free_form', notes: random.chance(0.5) ? 'Thank you for your business.' : '',
		purchaseOrder: random.chance(0.3) ? `PO-${random.int(1000, 9999)}` : '', subject: `Invoice ${plan.number} for ${plan.client.name}`,
		tax: withTax ? random.pick([5, 8.25, 20]) : null, tax2: null, discount: random.chance(0.1) ? 10 : null,
		amount: 0, taxAmount: 0, tax2Amount: 0, discountAmount: 0, dueAmount: 0,
		createdAt: formatDateTime(createdMs), updatedAt: formatDateTime(createdMs), clientKey: clientKeyFor(options.seed, id),
		recurringInvoiceId: null, estimateId: null, retainerId: null, createdById: DEMO_USER.id,
		lineItems: seedLineItems(random, plan.projects, withTax),
	};
	applyTotals(invoice, 0);
	store.invoices.set(id, invoice);
	if (plan.state === 'draft') return;

	let lastEventMs = clamp(createdMs + random.int(0, 2 * 86_400) * 1000);
	addMessage(store, invoice, plan.client, lastEventMs, false);
	const payments = plannedPayments(random, invoice.amount, plan.state);
	for (const amount of payments) {
		lastEventMs = clamp(lastEventMs + random.int(1, 20) * DAY_IN_MS);
		const paidAt = formatDateTime(lastEventMs).slice(0, 10) + 'T00:00:00Z';
		const paymentId = store.nextId('payment');
		store.payments.set(paymentId, {
			id: paymentId, invoiceId: id, amount, paidAt, notes: random.pick(['Bank transfer', 'Check', 'Card']),
			recordedBy: demoUserName(), recordedByEmail: DEMO_USER.email, createdAt: formatDateTime(lastEventMs), updatedAt: formatDateTime(lastEventMs),
		});
	}
	if (plan.state === 'paid' && random.chance(0.5)) addMessage(store, invoice, plan.client, lastEventMs, true);
	if (plan.state === 'closed') lastEventMs = clamp(lastEventMs + random.int(1, 30) * DAY_IN_MS);
	applyTotals(invoice, roundMoney(payments.reduce((sum, amount) => sum + amount, 0)));
	invoice.updatedAt = formatDateTime(lastEventMs);
}

function seedLineItems(random: SeededRandom, projects: Project[], withTax: boolean): LineItem[] {
	const items: LineItem[] = [];
	for (let count = random.int(1, 4), index = 0; index < count; index++) {
		const project = projects.length > 0 && random.chance(0.7) ? random.pick(projects) : null;
		const isService = index === 0 || random.chance(0.6);
		const quantity = isService ? random.int(2, 80) / 2 : random.int(1, 5);
		const unitPrice = isService ? (project?.hourlyRate ?? 100) : random.int(2000, 50000) / 100;
		items.push({
			kind: isService ? 'Service' : 'Product',
			description: isService ? `${project ? project.name + ': ' : ''}${random.pick(TASK_NAMES)}` : random.pick(PRODUCT_DESCRIPTIONS),
			quantity, unitPrice, amount: lineAmount(quantity, unitPrice), taxed: withTax && random.chance(0.7), taxed2: false,
			projectId: project?.id ?? null,
		});
	}
	return items;
}

/** Partial: one or two payments for 20-80% of the amount; paid: the whole amount; closed: sometimes a part. */
function plannedPayments(random: SeededRandom, amount: number, state: InvoiceState): number[] {
	const partly = () => roundMoney(amount * random.int(20, 80) / 100);
	switch (state) {
		case 'partial': {
			const total = partly();
			if (random.chance(0.5)) return [total];
			const first = roundMoney(total / 2);
			return [first, roundMoney(total - first)];
		}
		case 'paid': {
			if (random.chance(0.6)) return [amount];
			const first = partly();
			return [first, roundMoney(amount - first)];
		}
		case 'closed':
			return random.chance(0.3) ? [partly()] : [];
		default:
			return [];
	}
}

function addMessage(store: SandboxStore, invoice: Invoice, client: Client, atMs: number, thankYou: boolean): void {
	const contact = store.contactsOf(client.id)[0];
	const id = store.nextId('message');
	const at = formatDateTime(atMs);
	store.messages.set(id, {
		id, invoiceId: invoice.id,
		subject: thankYou ? `Thank you for your payment of invoice #${invoice.number}` : `Invoice #${invoice.number} from ${DEMO_COMPANY.name}`,
		body: thankYou ? 'Thank you!' : `Invoice ID: ${invoice.number}\nIssue date: ${invoice.issuedAt}\nClient: ${client.name}\n`,
		recipients: contact ? [contact.email] : [], fullRecipientList: contact ? `"${contact.firstName} ${contact.lastName}" <${contact.email}>` : '',
		sendMeACopy: false, attachPdf: true, includePayPalLink: false, thankYou, sentBy: demoUserName(), sentByEmail: DEMO_USER.email,
		sentFrom: demoUserName(), sentFromEmail: DEMO_USER.email, sendReminderOn: null, createdAt: at, updatedAt: at,
	});
}
