import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { getManyFields } from '../../shared/getManyFields';
import { invoiceLocator } from '../../shared/invoiceLocator';

const displayOptions = { show: { resource: ['payment'], operation: ['getAll'] } };

export const paymentGetManyDescription: INodeProperties[] = updateDisplayOptions(displayOptions, [
	invoiceLocator({}),
	...getManyFields({}),
]);
