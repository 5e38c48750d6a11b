import type { SandboxContext } from '../context';
import { ApiError, notFound, unprocessable } from '../errors';
import type { ItemCategory } from '../store';
import { readString, type FieldRecord } from '../wire/fields';

export function findCategory(context: SandboxContext, idText: string): ItemCategory {
	const category = /^\d+$/.test(idText) ? context.store.categories.get(Number(idText)) : undefined;
	if (!category) throw notFound('Item category');
	return category;
}

/** The two defaults (hours and expenses) are the ones flagged use-as-service / use-as-expense. */
export function isDefaultCategory(category: ItemCategory): boolean {
	return category.useAsService || category.useAsExpense;
}

export function createCategory(context: SandboxContext, record: FieldRecord): ItemCategory {
	const name = readName(context, record, undefined);
	if (name === undefined) throw unprocessable("Name can't be blank");
	const now = context.clock.timestamp();
	const category: ItemCategory = { id: context.store.nextId('category'), name, useAsService: false, useAsExpense: false, createdAt: now, updatedAt: now };
	context.store.categories.set(category.id, category);
	return category;
}

/**
 * Renaming a category renames the `kind` of the line items that use it, since line items refer to
 * their category: a csv-line-items read back and sent again must still name an existing category.
 */
export function updateCategory(context: SandboxContext, category: ItemCategory, record: FieldRecord): void {
	const name = readName(context, record, category);
	if (name === undefined || name === category.name) return;
	for (const invoice of context.store.invoices.values()) {
		for (const item of invoice.lineItems) if (item.kind === category.name) item.kind = name;
	}
	category.name = name;
	category.updatedAt = context.clock.timestamp();
}

/** Default categories can be renamed but not deleted: 400, as the seed says. */
export function deleteCategory(context: SandboxContext, category: ItemCategory): void {
	if (isDefaultCategory(category)) throw new ApiError(400, `"${category.name}" is a default category: it can be renamed but not deleted`);
	context.store.categories.delete(category.id);
}

function readName(context: SandboxContext, record: FieldRecord, current: ItemCategory | undefined): string | undefined {
	const name = readString(record, 'name')?.trim();
	if (name === undefined) return undefined;
	if (name === '') throw unprocessable("Name can't be blank");
	for (const other of context.store.categories.values()) {
		if (other !== current && other.name.toLowerCase() === name.toLowerCase()) throw unprocessable(`Name "${name}" has already been taken`);
	}
	return name;
}
