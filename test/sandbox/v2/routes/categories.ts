import { unprocessable } from '../../errors';
import { createCategory, deleteCategory, findCategory, isDefaultCategory, updateCategory } from '../../operations/categories';
import type { FieldRecord } from '../../wire/fields';
import { cursorBased } from '../pagination';
import { categoryV2 } from '../records';
import { INVOICES_MODULE, type V2Router } from '../route';

/** Create and PATCH take `name` only: use_as_service / use_as_expense are read-only on v2 (other keys are ignored). */
function nameOnly(body: FieldRecord): FieldRecord {
	return body.name === undefined ? {} : { name: body.name };
}

export function registerV2CategoryRoutes(router: V2Router): void {
	router.add('GET', '/v2/invoice_item_categories', ({ query, sandbox, origin, path }) => {
		const categories = [...sandbox.store.categories.values()].sort((a, b) => a.id - b.id);
		const { records, envelope } = cursorBased(categories, { origin, path, query, filters: [] });
		return { status: 200, json: { invoice_item_categories: records.map(categoryV2), ...envelope } };
	}, INVOICES_MODULE);

	router.add('GET', '/v2/invoice_item_categories/:id', ({ params, sandbox }) => ({
		status: 200,
		json: categoryV2(findCategory(sandbox, params.id)),
	}), INVOICES_MODULE);

	router.add('POST', '/v2/invoice_item_categories', ({ body, sandbox }) => ({
		status: 201,
		json: categoryV2(createCategory(sandbox, nameOnly(body))),
	}), INVOICES_MODULE);

	router.add('PATCH', '/v2/invoice_item_categories/:id', ({ params, body, sandbox }) => {
		const category = findCategory(sandbox, params.id);
		updateCategory(sandbox, category, nameOnly(body));
		return { status: 200, json: categoryV2(category) };
	}, INVOICES_MODULE);

	// v2 refuses with 422 (v1 answers 400) while either flag is set.
	router.add('DELETE', '/v2/invoice_item_categories/:id', ({ params, sandbox }) => {
		const category = findCategory(sandbox, params.id);
		if (isDefaultCategory(category)) throw unprocessable(`"${category.name}" is used as service or expense: only categories with both flags false can be deleted`);
		deleteCategory(sandbox, category);
		return { status: 200 };
	}, INVOICES_MODULE);
}
