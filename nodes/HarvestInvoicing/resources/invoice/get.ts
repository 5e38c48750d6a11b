import type { INodeProperties } from 'n8n-workflow';

import { invoiceLocator } from '../../shared/invoiceLocator';

export const invoiceGetDescription: INodeProperties[] = [
	invoiceLocator({ resource: ['invoice'], operation: ['get'] }),
];
