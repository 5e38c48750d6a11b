import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { categoryNameField } from './fields';

const displayOptions = { show: { resource: ['category'], operation: ['create'] } };

export const categoryCreateDescription: INodeProperties[] = updateDisplayOptions(displayOptions, [
	categoryNameField('The name line items of this category show as their kind; it must be unique'),
]);
