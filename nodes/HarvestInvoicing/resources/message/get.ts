import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { invoiceLocator } from '../../shared/invoiceLocator';
import { messageIdField } from './fields';

const displayOptions = { show: { resource: ['message'], operation: ['get'] } };

export const messageGetDescription: INodeProperties[] = updateDisplayOptions(displayOptions, [
	invoiceLocator({}),
	messageIdField,
]);
