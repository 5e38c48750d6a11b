import type { INodeProperties } from 'n8n-workflow';

/** The message an operation works on; validated as digits before the request (PATH_FIELDS). */
export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 12465017',
	description: 'The ID of the message, as Message > Get Many shows it',
};
