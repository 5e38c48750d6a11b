import type { INodeProperties } from 'n8n-workflow';

// Operations of the Message resource: being written (issue 4).
export const messageDescription: INodeProperties[] = [];
