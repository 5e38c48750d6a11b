import type { INodeProperties } from 'n8n-workflow';

import type { OperationHooks } from '../../transport';
import { invoiceLocator } from '../../shared/invoiceLocator';
import { simplifyField } from '../../shared/simplifyField';
import { simplifyInvoiceItems } from './hooks/simplify';

const show = { resource: ['invoice'], operation: ['get'] };

export const invoiceGetDescription: INodeProperties[] = [invoiceLocator(show), simplifyField(show)];

export const invoiceGetHooks: OperationHooks = { postReceive: [simplifyInvoiceItems] };
