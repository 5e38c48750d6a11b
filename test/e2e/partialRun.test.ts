/**
 * Several payments in one run of a real n8n, one of them bad: what the user sees. n8n keeps no
 * output of a node that stops the workflow, so the package makes a run all-or-nothing where it can
 * (an invalid item: nothing is sent) and says what was applied where it cannot (Harvest refused
 * one item). With Settings > On Error "Continue (using error output)" the applied payments come
 * out of the success output and the refused one out of the error output.
 */

import { startSandbox, type Sandbox } from '../sandbox';
import type { RunData } from './executionOutput';
import { HARVEST_NODE_TYPE, manualChainWorkflow, n8nId, sandboxCredential, usesCredential, type WorkflowNodeSpec } from './fixtures';
import { N8nInstance, type CredentialImport, type WorkflowImport, type WorkflowNode } from './n8nInstance';

const LIST = 'Get Open Invoices';
const PAY = 'Record Payments';
const REPORT = 'Report Failed Payment';

/** Three open invoices, then a payment of 10.00 on each, except item 1's `badAmount`. */
function paymentRun(credential: CredentialImport, name: string, badAmount: string, onError?: WorkflowNode['onError']): WorkflowImport {
	const node = (nodeName: string, parameters: Record<string, unknown>): WorkflowNodeSpec => ({
		name: nodeName,
		type: HARVEST_NODE_TYPE,
		typeVersion: 1,
		parameters,
		credentials: usesCredential(credential),
	});
	return manualChainWorkflow({
		name,
		nodes: [
			node(LIST, { resource: 'invoice', operation: 'getAll', returnAll: false, limit: 3, filters: { status: 'open' } }),
			{
				...node(PAY, {
					resource: 'payment',
					operation: 'create',
					invoiceId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					amount: `={{ $itemIndex === 1 ? ${badAmount} : 10 }}`,
					paidAt: '2026-06-12',
				}),
				...(onError ? { onError } : {}),
			},
		],
	});
}

/**
 * The same run with the error output on, and after it, on that output, what a user would add to
 * report the failure: an Edit Fields node reading the invoice of the failed item by its pairing.
 */
function errorOutputRun(credential: CredentialImport): WorkflowImport {
	const workflow = paymentRun(credential, 'Harvest e2e: the error output', '999999', 'continueErrorOutput');
	workflow.nodes.push({
		id: n8nId(),
		name: REPORT,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [720, 200],
		parameters: {
			mode: 'manual',
			includeOtherFields: true,
			assignments: {
				assignments: [{ id: n8nId(), name: 'failed_invoice', value: `={{ $('${LIST}').item.json.id }}`, type: 'number' }],
			},
		},
	});
	workflow.connections[PAY] = { main: [[], [{ node: REPORT, type: 'main', index: 0 }]] };
	return workflow;
}

/** Each output of the node's last run: [success items, error items] with the error output on. */
function outputsOf(run: RunData, nodeName: string): Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }>> {
	const runs = run.resultData.runData[nodeName] ?? [];
	return (runs[runs.length - 1]?.data?.main ?? []).map((items) => items ?? []);
}

describe('several payments in one run of a real n8n, one of them bad', () => {
	let n8n: N8nInstance | undefined;
	let sandbox: Sandbox | undefined;
	let workflows: Record<'invalid' | 'refused' | 'errorOutput', WorkflowImport>;

	beforeAll(async () => {
		n8n = await N8nInstance.withPackage();
		sandbox = await startSandbox({ throttle: false });
		const credential = sandboxCredential(sandbox, 'json', 'Harvest sandbox');
		workflows = {
			invalid: paymentRun(credential, 'Harvest e2e: an invalid amount', "'a lot'"),
			refused: paymentRun(credential, 'Harvest e2e: an amount Harvest refuses', '999999'),
			errorOutput: errorOutputRun(credential),
		};
		await n8n.importCredentials([credential]);
		await n8n.importWorkflows(Object.values(workflows));
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sandbox?.stop();
	});

	beforeEach(() => {
		sandbox!.reset({ throttle: false });
		sandbox!.clearRequests();
	});

	const paymentPosts = () => sandbox!.requests().filter((request) => request.method === 'POST');

	test('an invalid amount on item 1: the run stops, nothing is sent, the error names the item and field', async () => {
		const execution = await n8n!.execute(workflows.invalid.id);
		expect(execution.error).toContain('Nothing was sent: item 1 is invalid. Amount must be a number');
		expect(execution.error).toContain('No item of this run was sent');
		expect(paymentPosts()).toEqual([]);
	});

	test('Harvest refuses item 1: the run stops and the error lists the payments recorded on items 0 and 2', async () => {
		const seeded = new Set(sandbox!.store.payments.keys());
		const execution = await n8n!.execute(workflows.refused.id);
		expect(paymentPosts().map((request) => request.status).sort()).toEqual([201, 201, 422]);
		const recorded = [...sandbox!.store.payments.values()].filter((payment) => !seeded.has(payment.id));
		expect(recorded).toHaveLength(2);
		for (const payment of recorded) expect(execution.error).toContain(`(payment ${payment.id} on invoice ${payment.invoiceId})`);
		expect(execution.error).toMatch(/Item 1 failed\. These other items of this run were applied in Harvest: item 0 \(payment \d+ on invoice \d+\), item 2 \(payment \d+ on invoice \d+\)\./);
	});

	test('with On Error "Continue (using error output)": the recorded payments on one output, the refused item on the other', async () => {
		const execution = await n8n!.execute(workflows.errorOutput.id);
		expect(execution.error).toBeUndefined();
		const run = execution.run!.data;
		const invoices = outputsOf(run, LIST)[0].map((item) => item.json.id);
		expect(invoices).toHaveLength(3);
		const [applied, failed] = outputsOf(run, PAY);
		expect(applied.map((item) => [item.json.invoice_id, item.json.amount])).toEqual([
			[invoices[0], 10],
			[invoices[2], 10],
		]);
		// n8n shows it as { error }: the message names the input item, and it stays paired with it.
		expect(failed).toEqual([
			expect.objectContaining({ json: { error: 'Harvest could not accept the data (HTTP 422) [item 1]' }, pairedItem: { item: 1 } }),
		]);
		expect(paymentPosts().filter((request) => request.status === 201)).toHaveLength(2);
		// The node after the error output reaches the failed item's invoice through the pairing.
		expect(outputsOf(run, REPORT)[0].map((item) => item.json)).toEqual([
			{ error: 'Harvest could not accept the data (HTTP 422) [item 1]', failed_invoice: invoices[1] },
		]);
	});
});
