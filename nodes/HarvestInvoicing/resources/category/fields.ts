import type { INodeProperties } from 'n8n-workflow';

/** The category an operation works on; validated as digits before the request (PATH_FIELDS). */
export const categoryIdField: INodeProperties = {
	displayName: 'Category ID',
	name: 'categoryId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3',
	description: 'The ID of the item category, as Category > Get Many shows it',
};

/** Create and Update send the name only: it is the one thing Harvest lets a client change (on v2 explicitly). */
export function categoryNameField(description: string): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Travel',
		description,
		hint: 'Only the name can be set: whether a category is used for services or expenses is up to Harvest',
		routing: { send: { type: 'body', property: 'category.name' } },
	};
}
