import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { releaseCoreTimers } from './releaseCoreTimers';
import { additionalDataFor, workflowWith } from './workflowFixture';

export interface PollerOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Workflow static data carried from poll to poll, as n8n persists it; share it to "restart". */
	staticData?: IDataObject;
	/**
	 * What n8n 2.41's PollContext answers to `getPollBudgetMs()` (its durable scheduler's poll
	 * timeout less a margin). The n8n-core the tests run on predates it, so it is set on the context.
	 */
	pollBudgetMs?: number;
}

/**
 * Runs a polling trigger's `poll()` through n8n-core's PollContext, keeping the workflow's static
 * data between polls like an active workflow does.
 */
export function createPoller(nodeType: INodeType, options: PollerOptions) {
	const staticData: IDataObject = options.staticData ?? {};
	const { workflow, node } = workflowWith(nodeType, options.parameters, { staticData, credentials: options.credentials });
	const additionalData = additionalDataFor(options.credentials);
	const poll = async (
		mode: WorkflowExecuteMode = 'trigger',
		activation: WorkflowActivateMode = 'activate',
	): Promise<INodeExecutionData[][] | null> => {
		const context = new PollContext(workflow, node, additionalData, mode, activation);
		if (options.pollBudgetMs !== undefined) {
			const budget = options.pollBudgetMs;
			Object.assign(context, { getPollBudgetMs: () => budget });
		}
		releaseCoreTimers();
		return await nodeType.poll!.call(context);
	};
	return { poll, staticData: workflow.staticData as IDataObject, workflow };
}
