import { unprocessable } from '../errors';
import { planImport, type ExpenseSummary, type ImportPlan } from '../invoiceImport';
import type { InvoiceKind, SandboxStore } from '../store';
import { readDate, type FieldRecord } from '../wire/fields';

const TIME_SUMMARIES = ['project', 'task', 'people', 'detailed'] as const;
const EXPENSE_SUMMARIES = ['project', 'category', 'people', 'detailed'] as const;

/**
 * `line_items_import {project_ids[], time{summary_type, from, to}, expenses{summary_type, from, to,
 * attach_receipt}}`, planned with v1's import rules: `from` and `to` come together (a window) or
 * not at all (all unbilled entries). The invoice's kind is the time summary (project when only
 * expenses are imported).
 */
export function planV2Import(store: SandboxStore, clientId: number, value: unknown): { kind: Exclude<InvoiceKind, 'free_form'>; plan: ImportPlan } {
	const record = objectOf(value, 'line_items_import');
	const ids = record.project_ids;
	if (!Array.isArray(ids) || ids.length === 0) throw unprocessable("line_items_import.project_ids can't be blank");
	const projectIds = ids.map((id) => {
		if (!/^\d+$/.test(String(id))) throw unprocessable('line_items_import.project_ids must be project ids');
		return Number(id);
	});
	const time = record.time === undefined || record.time === null ? undefined : objectOf(record.time, 'line_items_import.time');
	const expenses = record.expenses === undefined || record.expenses === null ? undefined : objectOf(record.expenses, 'line_items_import.expenses');
	if (!time && !expenses) throw unprocessable('line_items_import needs time or expenses');
	const timeSummary = time ? summaryOf(time, TIME_SUMMARIES, 'time') : 'project';
	const expenseSummary: ExpenseSummary | null = expenses ? summaryOf(expenses, EXPENSE_SUMMARIES, 'expenses') : null;
	const timeWindow = time ? windowOf(time, 'time') : undefined;
	const expenseWindow = expenses ? windowOf(expenses, 'expenses') : undefined;
	const plan = planImport(store, clientId, {
		kind: timeSummary,
		projectIds: [...new Set(projectIds)],
		hours: timeWindow === undefined ? 'no' : timeWindow ? 'yes' : 'all',
		expenses: expenseWindow === undefined ? 'no' : expenseWindow ? 'yes' : 'all',
		periodStart: timeWindow ? timeWindow.from : null,
		periodEnd: timeWindow ? timeWindow.to : null,
		expensePeriodStart: expenseWindow ? expenseWindow.from : null,
		expensePeriodEnd: expenseWindow ? expenseWindow.to : null,
		expenseSummary,
	});
	return { kind: timeSummary, plan };
}

function objectOf(value: unknown, name: string): FieldRecord {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) throw unprocessable(`${name} must be an object`);
	return value as FieldRecord;
}

function summaryOf<T extends string>(record: FieldRecord, allowed: readonly T[], name: string): T {
	const value = record.summary_type;
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw unprocessable(`line_items_import.${name}.summary_type must be one of ${allowed.join(', ')}`);
	}
	return value as T;
}

/** null: no window (all unbilled entries); both ends otherwise. */
function windowOf(record: FieldRecord, name: string): { from: string; to: string } | null {
	const from = readDate(record, 'from') ?? null;
	const to = readDate(record, 'to') ?? null;
	if (from === null && to === null) return null;
	if (from === null || to === null) throw unprocessable(`line_items_import.${name}: from and to must be given together`);
	return { from, to };
}
