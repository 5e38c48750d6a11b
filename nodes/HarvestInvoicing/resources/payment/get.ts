import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { invoiceLocator } from '../../shared/invoiceLocator';
import { paymentIdField } from './fields';

const displayOptions = { show: { resource: ['payment'], operation: ['get'] } };

export const paymentGetDescription: INodeProperties[] = updateDisplayOptions(displayOptions, [
	invoiceLocator({}),
	paymentIdField,
]);
