import { createCategory, deleteCategory, findCategory, updateCategory } from '../operations/categories';
import type { Router } from '../router';
import { unwrap } from '../wire/body';
import { listDocument, oneDocument } from '../wire/document';
import { categoryRecord } from '../wire/records';

/** The seed wraps request bodies as {"invoice_item_category": ...}; list entries come back as {"invoice_category": ...}. */
const CATEGORY_WRAPPERS = ['invoice_item_category', 'invoice_category'];

export function registerCategoryRoutes(router: Router): void {
	const options = { needsInvoicesModule: true };

	router.add('GET', '/invoice_item_categories', ({ sandbox }) => {
		const categories = [...sandbox.store.categories.values()].sort((a, b) => a.id - b.id);
		return {
			status: 200,
			document: listDocument('invoice_category', 'invoice_item_categories', 'invoice_item_category', categories.map(categoryRecord)),
		};
	}, options);

	// Not in the seeds, but the Location of a created category points here, so it answers.
	router.add('GET', '/invoice_item_categories/:id', ({ params, sandbox }) => ({
		status: 200,
		document: oneDocument('invoice_category', 'invoice_item_category', categoryRecord(findCategory(sandbox, params.id))),
	}), options);

	router.add('POST', '/invoice_item_categories', ({ body, sandbox }) => {
		const category = createCategory(sandbox, unwrap(body.document, CATEGORY_WRAPPERS));
		return { status: 201, location: `/invoice_item_categories/${category.id}` };
	}, options);

	router.add('PUT', '/invoice_item_categories/:id', ({ params, body, sandbox }) => {
		updateCategory(sandbox, findCategory(sandbox, params.id), unwrap(body.document, CATEGORY_WRAPPERS));
		return { status: 200 };
	}, options);

	router.add('DELETE', '/invoice_item_categories/:id', ({ params, sandbox }) => {
		deleteCategory(sandbox, findCategory(sandbox, params.id));
		return { status: 200 };
	}, options);
}
