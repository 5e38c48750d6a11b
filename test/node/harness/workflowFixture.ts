import { randomUUID } from 'node:crypto';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { HarvestInvoicingApi } from '../../../credentials/HarvestInvoicingApi.credentials';
import { TestCredentialsHelper } from './credentialsHelper';

/** A one-node workflow holding the node under test, with the credential attached. */
export function workflowWith(
	nodeType: INodeType,
	parameters: INodeParameters,
	options: { staticData?: IDataObject; continueOnFail?: boolean; typeVersion?: number } = {},
): { workflow: Workflow; node: INode } {
	const node: INode = {
		id: 'node-under-test',
		name: 'Harvest Invoicing',
		type: `n8n-nodes-harvest-invoicing.${nodeType.description.name}`,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters,
		credentials: { harvestInvoicingApi: { id: '1', name: 'Harvest sandbox' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: options.staticData,
	});
	// Parameters as n8n stores them: defaults filled in for everything the user did not set.
	return { workflow, node: workflow.getNode(node.name) as INode };
}

export function additionalDataFor(credentials: ICredentialDataDecryptedObject): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(new HarvestInvoicingApi(), credentials),
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		currentNodeExecutionIndex: 0,
		variables: {},
		// Each run is its own execution, as in n8n (per-execution caches are keyed by it).
		executionId: randomUUID(),
	} as unknown as IWorkflowExecuteAdditionalData;
}
