import type { INodeProperties } from 'n8n-workflow';

// Operations of the Payment resource: being written (issue 4).
export const paymentDescription: INodeProperties[] = [];
