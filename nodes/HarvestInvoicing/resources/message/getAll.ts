import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { getManyFields } from '../../shared/getManyFields';
import { invoiceLocator } from '../../shared/invoiceLocator';

const displayOptions = { show: { resource: ['message'], operation: ['getAll'] } };

export const messageGetManyDescription: INodeProperties[] = updateDisplayOptions(displayOptions, [
	invoiceLocator({}),
	...getManyFields({}),
]);
