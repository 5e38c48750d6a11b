import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { EACH_WIRE, byId, runInvoice, V1_JSON, V1_XML, type Wire } from './invoiceRun';

const SIMPLE_KEYS = [
	'amount',
	'client_dashboard_url',
	'client_id',
	'client_name',
	'currency_code',
	'due_amount',
	'due_at',
	'id',
	'issued_at',
	'number',
	'state',
	'updated_at',
];

/** Simplify exists from node version 2 on, where it is on by default. */
const V2 = { typeVersion: 2 };

describe('Invoice > Get and Get Many: Simplify', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 8, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	const expectedFor = (wire: Wire, id: number, clientName: string | null): IDataObject => {
		const stored = sandbox.store.invoices.get(id)!;
		return {
			id,
			number: stored.number,
			client_id: stored.clientId,
			client_name: clientName,
			amount: stored.amount,
			due_amount: stored.dueAmount,
			currency_code: stored.currency.slice(-3),
			state: wire.state(stored.state),
			issued_at: stored.issuedAt,
			due_at: stored.dueAt,
			updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			client_dashboard_url: `https://demo.harvestapp.com/client/invoices/${stored.clientKey}`,
		};
	};

	it.each(EACH_WIRE)('Get returns the simplified invoice (%s)', async (_name, wire) => {
		const id = [...sandbox.store.invoices.keys()][2];
		// A new node (version 2) with Simplify left at its default.
		const [item] = await runInvoice(sandbox, wire, 'get', { invoiceId: byId(id) }, V2);
		expect(Object.keys(item.json).sort()).toEqual(SIMPLE_KEYS);
		// A single invoice carries no client name in Harvest v1; v2's names its client.
		const clientName = sandbox.store.clients.get(sandbox.store.invoices.get(id)!.clientId)!.name;
		expect(item.json).toEqual(expectedFor(wire, id, wire.api === 'v1' ? null : clientName));
	});

	it.each(EACH_WIRE)('Get Many returns each invoice simplified, with the client name (%s)', async (_name, wire) => {
		const items = await runInvoice(sandbox, wire, 'getAll', { returnAll: true }, V2);
		expect(items).toHaveLength(sandbox.store.invoices.size);
		for (const { json } of items) {
			const clientName = sandbox.store.clients.get(sandbox.store.invoices.get(json.id as number)!.clientId)!.name;
			expect(json).toEqual(expectedFor(wire, json.id as number, clientName));
		}
	});

	it('gives the same items for JSON and XML', async () => {
		const id = [...sandbox.store.invoices.keys()][0];
		for (const operation of ['get', 'getAll']) {
			const parameters = operation === 'get' ? { invoiceId: byId(id) } : { returnAll: true };
			const [json, xml] = await Promise.all(
				[V1_JSON, V1_XML].map(async (wire) => await runInvoice(sandbox, wire, operation, parameters, V2)),
			);
			expect(xml).toEqual(json);
		}
	});

	it.each([
		['a saved version 1 node, which has no Simplify', { simple: true }, {}],
		['a version 2 node with Simplify off', { simple: false }, V2],
	])('keeps the full output for %s', async (_case, parameters, options) => {
		const id = [...sandbox.store.invoices.keys()][1];
		// v1 only: csv_line_items and currency are v1's full record (v2's full record: get.test.ts).
		const [item] = await runInvoice(sandbox, V1_JSON, 'get', { invoiceId: byId(id), ...parameters }, options);
		expect(item.json).toHaveProperty('csv_line_items');
		expect(item.json).toHaveProperty('line_items');
		expect(item.json).toHaveProperty('currency');
	});
});
