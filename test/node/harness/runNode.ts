import { ExecuteContext, RoutingNode } from 'n8n-core';
import { createRunExecutionData, NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IExecuteData,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { releaseCoreTimers } from './releaseCoreTimers';
import { additionalDataFor, workflowWith } from './workflowFixture';

export interface RunNodeOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Input items; one empty item by default, as after a Manual Trigger. */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node version the workflow holds; 1 (what saved workflows have) by default. */
	typeVersion?: number;
}

/**
 * The node's own operation for this node's resource and operation, if it has one: n8n's
 * WorkflowExecute.getCustomOperation reads them from the node's parameters (defaults filled in by
 * the Workflow) and calls that function instead of RoutingNode.
 */
function customOperationOf(nodeType: INodeType, node: INode) {
	const { resource, operation } = node.parameters;
	if (typeof resource !== 'string' || typeof operation !== 'string') return undefined;
	return nodeType.customOperations?.[resource]?.[operation];
}

/**
 * Executes the declarative node the way n8n does: an operation the node runs itself
 * (`customOperations`) is called with the ExecuteContext WorkflowExecute.executeNode builds;
 * any other goes through n8n-core's RoutingNode, which reads the real node description, builds
 * the requests, calls our hooks, and sends over HTTP with the real credential's authenticate.
 */
export async function runDeclarativeNode(nodeType: INodeType, options: RunNodeOptions): Promise<INodeExecutionData[]> {
	const { workflow, node } = workflowWith(nodeType, options.parameters, {
		continueOnFail: options.continueOnFail,
		typeVersion: options.typeVersion,
		credentials: options.credentials,
	});
	const items = options.items ?? [{ json: {} }];
	const inputData = { [NodeConnectionTypes.Main]: [items] };
	const executeData: IExecuteData = { node, data: inputData, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(options.credentials),
		'manual',
		createRunExecutionData(),
		0,
		items,
		inputData,
		executeData,
		[],
	);
	releaseCoreTimers();
	const customOperation = customOperationOf(nodeType, node);
	const output = customOperation ? await customOperation.call(context) : await new RoutingNode(context, nodeType).runNode();
	return (output as INodeExecutionData[][] | null | undefined)?.[0] ?? [];
}
