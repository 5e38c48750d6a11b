import { Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodeTypes } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';

const nodeType = new HarvestInvoicing();

/** The resource and operation n8n reads to pick a custom operation: stored parameters, defaults filled in. */
function storedSelection(parameters: INodeParameters): { resource: unknown; operation: unknown } {
	const node: INode = {
		id: 'dispatch-node',
		name: 'Harvest Invoicing',
		type: 'n8n-nodes-harvest-invoicing.harvestInvoicing',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const stored = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes }).getNode(node.name) as INode;
	return { resource: stored.parameters.resource, operation: stored.parameters.operation };
}

describe('Harvest Invoicing custom operations', () => {
	it('runs Invoice > Get Many itself, and nothing else', () => {
		expect(Object.keys(nodeType.customOperations)).toEqual(['invoice']);
		expect(Object.keys(nodeType.customOperations.invoice)).toEqual(['getAll']);
	});

	it('is picked for a saved node that left resource and operation at their defaults', () => {
		expect(storedSelection({})).toEqual({ resource: 'invoice', operation: 'getAll' });
	});

	it('keeps the routing of Get Many, for an n8n that does not know customOperations', () => {
		const operation = nodeType.description.properties.find(
			(property: INodeProperties) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('invoice'),
		);
		const getMany = (operation?.options as Array<{ value: string; routing?: { operations?: unknown; request?: unknown } }>).find(
			(option) => option.value === 'getAll',
		);
		expect(getMany?.routing?.request).toEqual({ method: 'GET', url: 'invoice:getAll' });
		expect(getMany?.routing?.operations).toEqual({ pagination: expect.any(Function) });
	});
});
