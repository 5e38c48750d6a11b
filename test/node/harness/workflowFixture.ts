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
import { HarvestInvoicingOAuth2Api } from '../../../credentials/HarvestInvoicingOAuth2Api.credentials';
import { TestCredentialsHelper } from './credentialsHelper';

/** An OAuth 2 credential's data carries its token; any other is the API credential's. */
const isOAuth2 = (credentials?: ICredentialDataDecryptedObject) => credentials?.oauthTokenData !== undefined;

/** A one-node workflow holding the node under test, with the credential attached. */
export function workflowWith(
	nodeType: INodeType,
	parameters: INodeParameters,
	options: { staticData?: IDataObject; continueOnFail?: boolean; typeVersion?: number; credentials?: ICredentialDataDecryptedObject } = {},
): { workflow: Workflow; node: INode } {
	const credentialType = isOAuth2(options.credentials) ? 'harvestInvoicingOAuth2Api' : 'harvestInvoicingApi';
	const node: INode = {
		id: 'node-under-test',
		name: 'Harvest Invoicing',
		type: `n8n-nodes-harvest-invoicing.${nodeType.description.name}`,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters,
		credentials: { [credentialType]: { id: '1', name: 'Harvest sandbox' } },
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
		credentialsHelper: new TestCredentialsHelper(
			isOAuth2(credentials) ? new HarvestInvoicingOAuth2Api() : new HarvestInvoicingApi(),
			credentials,
		),
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
