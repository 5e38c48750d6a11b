import { LoadOptionsContext } from 'n8n-core';

import { HarvestInvoicingTrigger } from '../../../nodes/HarvestInvoicing/HarvestInvoicingTrigger.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { additionalDataFor, workflowWith } from '../harness/workflowFixture';
import { WIRES } from './wires';

/** The Client dropdown of the trigger's filter, loaded through n8n-core's LoadOptionsContext. */
describe('Harvest Invoicing Trigger: client dropdown', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 5 });
	});
	afterAll(async () => await sandbox.stop());

	it.each(WIRES.map((wire) => [wire.name, wire] as const))('lists None, then every client by name (%s)', async (_name, wire) => {
		const nodeType = new HarvestInvoicingTrigger();
		const { workflow, node } = workflowWith(nodeType, { events: ['paid'], filters: {}, options: {} });
		const context = new LoadOptionsContext(
			workflow,
			node,
			additionalDataFor(wire.credentials(sandbox)),
			'filters.clientId',
		);
		const options = await nodeType.methods.loadOptions.getClientsOrNone.call(context);
		const expected = [...sandbox.store.clients.values()]
			.map((client) => ({ name: client.name, value: String(client.id) }))
			.sort((a, b) => a.name.localeCompare(b.name));
		expect(options).toEqual([{ name: 'None', value: '', description: 'Not set' }, ...expected]);
	});
});
