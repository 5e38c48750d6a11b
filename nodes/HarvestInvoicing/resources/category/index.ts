import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { harvestRouting } from '../../transport';
import { categoryCreateDescription } from './create';
import { categoryDeleteDescription } from './delete';
import { categoryGetManyDescription } from './getAll';
import { confirmCategoryDeleted } from './hooks/confirmCategoryDeleted';
import { explainDefaultCategoryDelete } from './hooks/explainDefaultCategoryDelete';
import { readBackCreatedCategory, readBackUpdatedCategory } from './hooks/readBackCategory';
import { requireCategoryName } from './hooks/requireCategoryName';
import { categoryUpdateDescription } from './update';

const showOnlyForCategories = { resource: ['category'] };

/** Delete: the default-category explanation must see the raw 400 before the shared decoder does. */
function deleteRouting(): INodePropertyRouting {
	const routing = harvestRouting(
		{ method: 'DELETE', url: 'category:delete' },
		{ postReceive: [confirmCategoryDeleted] },
	);
	return {
		...routing,
		output: { ...routing.output, postReceive: [explainDefaultCategoryDelete, ...(routing.output?.postReceive ?? [])] },
	};
}

export const categoryDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCategories },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a category',
				description: 'Create an invoice item category (the kind a line item is billed under)',
				routing: harvestRouting(
					{ method: 'POST', url: 'category:create' },
					{ preSend: [requireCategoryName], postReceive: [readBackCreatedCategory] },
				),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a category',
				description: "Delete an invoice item category; Harvest's two default categories cannot be deleted",
				routing: deleteRouting(),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many categories',
				description: 'List the invoice item categories of the account, including the two defaults',
				routing: harvestRouting({ method: 'GET', url: 'category:getAll' }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Rename a category',
				description: 'Rename an invoice item category, including the two default ones',
				routing: harvestRouting(
					{ method: 'PUT', url: 'category:update' },
					{ preSend: [requireCategoryName], postReceive: [readBackUpdatedCategory] },
				),
			},
		],
		default: 'getAll',
	},
	...categoryCreateDescription,
	...categoryDeleteDescription,
	...categoryGetManyDescription,
	...categoryUpdateDescription,
];
