import type { INodeProperties } from 'n8n-workflow';

import type { OperationHooks } from '../../transport';
import { invoiceLocator } from '../../shared/invoiceLocator';
import { reportDeletedInvoice } from './hooks/deleted';

export const invoiceDeleteDescription: INodeProperties[] = [
	invoiceLocator({ resource: ['invoice'], operation: ['delete'] }),
];

export const invoiceDeleteHooks: OperationHooks = { postReceive: [reportDeletedInvoice] };
