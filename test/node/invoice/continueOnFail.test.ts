import { WorkflowExecute } from 'n8n-core';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData, IRunExecutionData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, runInvoice } from './invoiceRun';

const fromInput = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

/** n8n's own pairing of output items that lack pairedItem (as the error items of RoutingNode do). */
function pairAsN8nDoes(output: INodeExecutionData[], inputLength: number): INodeExecutionData[] {
	const execute = new WorkflowExecute({} as IWorkflowExecuteAdditionalData, 'manual', {} as IRunExecutionData);
	const input = Array.from({ length: inputLength }, () => ({ json: {} }));
	return execute.assignPairedItems([output], { data: { main: [input] } } as never)![0] as INodeExecutionData[];
}

describe.each(EACH_WIRE)('Invoice: Continue On Fail (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let ids: number[];
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 10, throttle: false });
		ids = [...sandbox.store.invoices.keys()];
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('Get: 3 input items, one bad ID -> an error item in its place, the others answered and paired', async () => {
		const items = await runInvoice(
			sandbox,
			wire,
			'get',
			{ invoiceId: fromInput },
			{ continueOnFail: true, items: [{ json: { id: ids[0] } }, { json: { id: 'INV-2' } }, { json: { id: ids[2] } }] },
		);
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ json: { id: ids[0] }, pairedItem: { item: 0 } });
		expect(items[2]).toMatchObject({ json: { id: ids[2] }, pairedItem: { item: 2 } });
		expect(items[1].error).toBeInstanceOf(NodeOperationError);
		expect(items[1].error?.message).toMatch(/Invoice must be a Harvest ID made of digits only, e.g. 6763297 \(got "INV-2"\)/);
		// The bad item never reached Harvest.
		expect(sandbox.requests().filter((r) => r.path !== '/v2/company').map((r) => r.path).sort()).toEqual([wire.path(`/invoices/${ids[0]}`), wire.path(`/invoices/${ids[2]}`)].sort());
		// n8n pairs the error item with its own input item.
		expect(pairAsN8nDoes(items, 3).map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('Create: 3 input items, one refused by Harvest -> one error item, two invoices', async () => {
		const clientId = String([...sandbox.store.clients.keys()][0]);
		const taken = sandbox.store.invoices.get(ids[0])!.number;
		const before = sandbox.store.invoices.size;
		const items = await runInvoice(
			sandbox,
			wire,
			'create',
			{
				clientId,
				kind: 'free_form',
				lineItems: { lineItem: [{ kind: 'Service', description: '={{ $json.what }}', quantity: 1, unitPrice: 10 }] },
				additionalFields: { number: '={{ $json.number }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ json: { what: 'first', number: `A-${wire.key}` } },
					{ json: { what: 'second', number: taken } },
					{ json: { what: 'third', number: `C-${wire.key}` } },
				],
			},
		);
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ json: { number: `A-${wire.key}` }, pairedItem: { item: 0 } });
		expect(items[2]).toMatchObject({ json: { number: `C-${wire.key}` }, pairedItem: { item: 2 } });
		expect(items[1].error).toBeInstanceOf(NodeApiError);
		expect(items[1].error?.message).toMatch(/HTTP 422/);
		expect(sandbox.store.invoices.size).toBe(before + 2);
		expect(sandbox.requests().filter((r) => r.method === 'POST')).toHaveLength(3);
	});
});
