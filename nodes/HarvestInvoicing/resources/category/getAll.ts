import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { getManyFields } from '../../shared/getManyFields';

const displayOptions = { show: { resource: ['category'], operation: ['getAll'] } };

export const categoryGetManyDescription: INodeProperties[] = updateDisplayOptions(displayOptions, getManyFields({}));
