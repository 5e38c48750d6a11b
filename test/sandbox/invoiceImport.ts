import { unprocessable } from './errors';
import { lineAmount, roundMoney } from './invoiceMath';
import type { ExpenseEntry, InvoiceKind, LineItem, Project, SandboxStore, TimeEntry } from './store';

/**
 * Invoices of kind project, task, people or detailed gather the unbilled hours and expenses of
 * `projects-to-invoice`. Hours are priced at the project's hourly rate and grouped as the kind says:
 * one line per project, per project and task, per project and person, or one line per entry with its
 * notes (detailed). Expenses are grouped by `expense-summary-type` (project, people, category,
 * detailed), which defaults to the grouping closest to the kind. Imported entries are marked as
 * billed on that invoice (and freed when it is deleted), so they are never billed twice.
 */
export type ImportChoice = 'all' | 'yes' | 'no';
export type ExpenseSummary = 'project' | 'people' | 'category' | 'detailed';

export interface ImportRequest {
	kind: Exclude<InvoiceKind, 'free_form'>;
	projectIds: number[];
	hours: ImportChoice;
	expenses: ImportChoice;
	periodStart: string | null;
	periodEnd: string | null;
	expensePeriodStart: string | null;
	expensePeriodEnd: string | null;
	expenseSummary: ExpenseSummary | null;
}

export interface ImportPlan {
	lineItems: LineItem[];
	timeEntries: TimeEntry[];
	expenseEntries: ExpenseEntry[];
	/** The period the imported hours cover, for the invoice's period-start/-end. */
	periodStart: string | null;
	periodEnd: string | null;
}

const DEFAULT_EXPENSE_SUMMARY: Record<ImportRequest['kind'], ExpenseSummary> = {
	project: 'project',
	task: 'category',
	people: 'people',
	detailed: 'detailed',
};

/** Works out the line items without changing anything; `commitImport` marks the entries afterwards. */
export function planImport(store: SandboxStore, clientId: number, request: ImportRequest): ImportPlan {
	if (request.projectIds.length === 0) throw unprocessable(`Projects-to-invoice can't be blank for a ${request.kind} invoice`);
	const projects = request.projectIds.map((id) => {
		const project = store.projects.get(id);
		if (!project) throw unprocessable(`Project ${id} in projects-to-invoice does not exist`);
		if (project.clientId !== clientId) throw unprocessable(`Project ${id} in projects-to-invoice belongs to another client`);
		return project;
	});
	const hoursWindow = importWindow(request.hours, request.periodStart, request.periodEnd, 'period');
	const expenseWindow = importWindow(request.expenses, request.expensePeriodStart, request.expensePeriodEnd, 'expense-period');
	const byDateThenId = <T extends { spentAt: string; id: number }>(a: T, b: T) =>
		a.spentAt < b.spentAt ? -1 : a.spentAt > b.spentAt ? 1 : a.id - b.id;
	const projectIds = new Set(request.projectIds);
	const timeEntries = hoursWindow
		? [...store.timeEntries.values()]
				.filter((entry) => projectIds.has(entry.projectId) && entry.invoiceId === null && inWindow(entry.spentAt, hoursWindow))
				.sort(byDateThenId)
		: [];
	const expenseEntries = expenseWindow
		? [...store.expenseEntries.values()]
				.filter((entry) => projectIds.has(entry.projectId) && entry.invoiceId === null && inWindow(entry.spentAt, expenseWindow))
				.sort(byDateThenId)
		: [];
	const lineItems: LineItem[] = [];
	for (const project of projects) {
		lineItems.push(...hourLines(store, request.kind, project, timeEntries.filter((entry) => entry.projectId === project.id)));
		lineItems.push(
			...expenseLines(store, request.expenseSummary ?? DEFAULT_EXPENSE_SUMMARY[request.kind], project,
				expenseEntries.filter((entry) => entry.projectId === project.id)),
		);
	}
	const dates = timeEntries.map((entry) => entry.spentAt);
	return {
		lineItems,
		timeEntries,
		expenseEntries,
		periodStart: request.hours === 'yes' ? request.periodStart : (dates[0] ?? null),
		periodEnd: request.hours === 'yes' ? request.periodEnd : (dates[dates.length - 1] ?? null),
	};
}

export function commitImport(plan: ImportPlan, invoiceId: number): void {
	for (const entry of [...plan.timeEntries, ...plan.expenseEntries]) entry.invoiceId = invoiceId;
}

/** Deleting an invoice makes its hours and expenses billable again. */
export function releaseEntries(store: SandboxStore, invoiceId: number): void {
	for (const entry of [...store.timeEntries.values(), ...store.expenseEntries.values()]) {
		if (entry.invoiceId === invoiceId) entry.invoiceId = null;
	}
}

interface Window {
	from: string | null;
	to: string | null;
}

function importWindow(choice: ImportChoice, start: string | null, end: string | null, field: string): Window | null {
	if (choice === 'no') return null;
	if (choice === 'all') return { from: null, to: null };
	if (!start || !end) throw unprocessable(`${field}-start and ${field}-end are required to import with "yes"`);
	if (start > end) throw unprocessable(`${field}-start must not be after ${field}-end`);
	return { from: start, to: end };
}

function inWindow(date: string, window: Window): boolean {
	return (window.from === null || date >= window.from) && (window.to === null || date <= window.to);
}

function hourLines(store: SandboxStore, kind: ImportRequest['kind'], project: Project, entries: TimeEntry[]): LineItem[] {
	const service = store.serviceCategory()?.name ?? 'Service';
	const taskName = (entry: TimeEntry) => store.tasks.get(entry.taskId)?.name ?? `Task ${entry.taskId}`;
	const personName = (userId: number) => {
		const person = store.people.get(userId);
		return person ? `${person.firstName} ${person.lastName}` : `Person ${userId}`;
	};
	const line = (description: string, hours: number): LineItem => ({
		kind: service, description, quantity: roundMoney(hours), unitPrice: project.hourlyRate,
		amount: lineAmount(roundMoney(hours), project.hourlyRate), taxed: false, taxed2: false, projectId: project.id,
	});
	if (kind === 'detailed') {
		return entries.map((entry) =>
			line(`${project.name}: ${taskName(entry)} (${entry.spentAt}, ${personName(entry.userId)}) ${entry.notes}`.trim(), entry.hours),
		);
	}
	const groups = new Map<string, { description: string; hours: number }>();
	for (const entry of entries) {
		const [key, description] =
			kind === 'project' ? ['project', `[${project.code}] ${project.name}`]
			: kind === 'task' ? [`task:${entry.taskId}`, `${project.name}: ${taskName(entry)}`]
			: [`person:${entry.userId}`, `${project.name}: ${personName(entry.userId)}`];
		const group = groups.get(key) ?? { description, hours: 0 };
		group.hours += entry.hours;
		groups.set(key, group);
	}
	return [...groups.values()].map((group) => line(group.description, group.hours));
}

function expenseLines(store: SandboxStore, summary: ExpenseSummary, project: Project, entries: ExpenseEntry[]): LineItem[] {
	const kind = store.expenseCategory()?.name ?? 'Product';
	const line = (description: string, cost: number): LineItem => ({
		kind, description, quantity: 1, unitPrice: roundMoney(cost), amount: roundMoney(cost), taxed: false, taxed2: false, projectId: project.id,
	});
	if (summary === 'detailed') {
		return entries.map((entry) => line(`${project.name}: ${entry.category} (${entry.spentAt}) ${entry.notes}`.trim(), entry.totalCost));
	}
	const groups = new Map<string, { description: string; cost: number }>();
	for (const entry of entries) {
		const person = store.people.get(entry.userId);
		const [key, description] =
			summary === 'project' ? ['project', `${project.name}: Expenses`]
			: summary === 'category' ? [`category:${entry.category}`, `${project.name}: ${entry.category}`]
			: [`person:${entry.userId}`, `${project.name}: Expenses of ${person ? `${person.firstName} ${person.lastName}` : entry.userId}`];
		const group = groups.get(key) ?? { description, cost: 0 };
		group.cost += entry.totalCost;
		groups.set(key, group);
	}
	return [...groups.values()].map((group) => line(group.description, group.cost));
}
