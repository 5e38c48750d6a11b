import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { categoryIdField, categoryNameField } from './fields';

const displayOptions = { show: { resource: ['category'], operation: ['update'] } };

export const categoryUpdateDescription: INodeProperties[] = updateDisplayOptions(displayOptions, [
	categoryIdField,
	categoryNameField('The new name; line items of this category show it as their kind. Default categories can be renamed too.'),
]);
