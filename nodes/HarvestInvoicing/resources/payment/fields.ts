import type { INodeProperties } from 'n8n-workflow';

/** The payment an operation works on; validated as digits before the request (PATH_FIELDS). */
export const paymentIdField: INodeProperties = {
	displayName: 'Payment ID',
	name: 'paymentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 5096287',
	description: 'The ID of the payment, as Payment > Get Many shows it',
};
