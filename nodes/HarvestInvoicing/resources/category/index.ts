import type { INodeProperties } from 'n8n-workflow';

// Operations of the Category resource: being written (issue 4).
export const categoryDescription: INodeProperties[] = [];
