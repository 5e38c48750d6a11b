import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { invoiceLocator } from '../../shared/invoiceLocator';
import { paymentIdField } from './fields';

const displayOptions = { show: { resource: ['payment'], operation: ['delete'] } };

export const paymentDeleteDescription: INodeProperties[] = updateDisplayOptions(displayOptions, [
	invoiceLocator({}),
	paymentIdField,
]);
