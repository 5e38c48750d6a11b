import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { categoryIdField } from './fields';

const displayOptions = { show: { resource: ['category'], operation: ['delete'] } };

export const categoryDeleteDescription: INodeProperties[] = updateDisplayOptions(displayOptions, [categoryIdField]);
