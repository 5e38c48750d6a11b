import { Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeTypes } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';

const nodeType = new HarvestInvoicing();

/** The subtitle as the editor shows it: the expression evaluated over the stored parameters. */
function subtitleFor(parameters: INodeParameters): unknown {
	const node: INode = {
		id: 'subtitle-node',
		name: 'Harvest Invoicing',
		type: 'n8n-nodes-harvest-invoicing.harvestInvoicing',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const stored = workflow.getNode(node.name) as INode;
	return workflow.expression.getSimpleParameterValue(stored, nodeType.description.subtitle as string, 'internal', {});
}

describe('Harvest Invoicing subtitle', () => {
	it.each([
		['payment', 'create', 'Create: Payment'],
		['invoice', 'getAll', 'Get Many: Invoice'],
		['message', 'markAsClosed', 'Mark as Closed (Write Off): Message'],
		['message', 'reOpen', 'Re-Open: Message'],
		['category', 'delete', 'Delete: Category'],
	])('%s / %s reads "%s"', (resource, operation, expected) => {
		expect(subtitleFor({ resource, operation })).toBe(expected);
	});

	it('shows the default operation of a new node by name', () => {
		// A fresh node stores resource and operation defaults: invoice, getAll.
		expect(subtitleFor({})).toBe('Get Many: Invoice');
	});

	it('names every operation of every resource', () => {
		const operations = nodeType.description.properties.filter((property) => property.name === 'operation');
		for (const property of operations) {
			for (const resource of property.displayOptions?.show?.resource as string[]) {
				for (const option of property.options ?? []) {
					const value = (option as { value: string }).value;
					expect(subtitleFor({ resource, operation: value })).toMatch(new RegExp(`^${option.name.replace(/[()]/g, '\\$&')}: [A-Z]`));
				}
			}
		}
	});
});
