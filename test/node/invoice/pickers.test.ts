import { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { additionalDataFor, workflowWith } from '../harness/workflowFixture';
import { EACH_WIRE, byId } from './invoiceRun';

/** Dropdowns and the invoice picker, run through n8n-core's LoadOptionsContext as the editor does. */
describe.each(EACH_WIRE)('Invoice pickers (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	const nodeType = new HarvestInvoicing();
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 120, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());
	/** The requests a dropdown sent, without v2's one read of the account's address (kept per account). */
	const listed = () => sandbox.requests().filter((request) => request.path !== '/v2/company');
	/** The client filter of a project list, in the API's words. */
	const clientQuery = (request: { query: Record<string, string | string[]> }) => request.query[wire.api === 'v2' ? 'client_id' : 'client'];

	const contextFor = (parameters: INodeParameters, path: string) => {
		const { workflow, node } = workflowWith(nodeType, { resource: 'invoice', ...parameters });
		const additionalData = additionalDataFor(wire.credentials(sandbox));
		additionalData.currentNodeParameters = node.parameters;
		return new LoadOptionsContext(workflow, node, additionalData, path);
	};

	describe('searchInvoices (invoice picker, From List)', () => {
		const search = async (filter?: string, token?: string) =>
			await nodeType.methods.listSearch.searchInvoices.call(
				contextFor({ operation: 'get', invoiceId: { __rl: true, mode: 'list', value: '' } }, 'invoiceId'),
				filter,
				token,
			);

		it('lists one page at a time, newest first, with number, client, amount and state', async () => {
			const first = await search();
			expect(first.results).toHaveLength(50);
			expect(first.paginationToken).toBe('2');
			const invoice = sandbox.store.invoices.get(Number(first.results[0].value))!;
			const client = sandbox.store.clients.get(invoice.clientId)!;
			// v2 has no partial state: a partly paid invoice is open there.
			const state = wire.api === 'v2' && invoice.state === 'partial' ? 'open' : invoice.state;
			expect(first.results[0]).toEqual({
				name: `#${invoice.number} · ${client.name} · ${invoice.amount.toFixed(2)} ${invoice.currency.slice(-3)} · ${state}`,
				value: String(invoice.id),
				url: `https://demo.harvestapp.com/invoices/${invoice.id}`,
			});
			const last = await search(undefined, '3');
			expect(last.results).toHaveLength(20);
			expect(last.paginationToken).toBeUndefined();
			expect(listed().map((r) => r.query.page)).toEqual(['1', '3']);
			// 50 a page on both APIs: v2 is asked for it (its lists would hold 2,000).
			if (wire.api === 'v2') expect(listed().map((r) => r.query.per_page)).toEqual(['50', '50']);
		});

		it('searches by client name or number across pages', async () => {
			const client = [...sandbox.store.clients.values()][2];
			const { results, paginationToken } = await search(client.name.toUpperCase());
			const expected = [...sandbox.store.invoices.values()].filter((invoice) => invoice.clientId === client.id);
			expect(results.map((result) => Number(result.value)).sort()).toEqual(expected.map((invoice) => invoice.id).sort());
			expect(paginationToken).toBeUndefined();
			const byNumber = await search(sandbox.store.invoices.get(expected[0].id)!.number);
			expect(byNumber.results.map((result) => result.value)).toContain(String(expected[0].id));
		});
	});

	it('getClients lists every client by name', async () => {
		const options = await nodeType.methods.loadOptions.getClients.call(contextFor({ operation: 'create' }, 'clientId'));
		expect(options).toEqual(
			[...sandbox.store.clients.values()]
				.map((client) => ({ name: client.name, value: String(client.id) }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		);
	});

	it('getProjects lists the projects of the chosen client', async () => {
		const client = [...sandbox.store.clients.values()][1];
		const options = await nodeType.methods.loadOptions.getProjects.call(
			contextFor({ operation: 'create', clientId: String(client.id), kind: 'project' }, 'projectIds'),
		);
		const expected = [...sandbox.store.projects.values()].filter((project) => project.clientId === client.id);
		expect(options.map((option) => option.value).sort()).toEqual(expected.map((project) => String(project.id)).sort());
		expect(options[0].name).toMatch(/\(P-\d+\)$/);
		expect(listed().map((r) => `${r.path}?client=${clientQuery(r)}`)).toEqual([`${wire.path('/projects')}?client=${client.id}`]);
	});

	it('getProjects lists every project when the client is set by an expression', async () => {
		// Load options get the stored parameters, expressions unevaluated: no client is known yet.
		const options = await nodeType.methods.loadOptions.getProjects.call(
			contextFor({ operation: 'create', clientId: "={{ $('Form').item.json.client }}", kind: 'project' }, 'projectIds'),
		);
		expect(options).toHaveLength(sandbox.store.projects.size);
		expect(listed().map((r) => `${r.path}?client=${clientQuery(r)}`)).toEqual([`${wire.path('/projects')}?client=undefined`]);
	});

	it("getProjects on Update uses the updated invoice's client when no client is chosen", async () => {
		const invoice = [...sandbox.store.invoices.values()][0];
		const options = await nodeType.methods.loadOptions.getProjects.call(
			contextFor({ operation: 'update', invoiceId: byId(invoice.id), updateFields: {}, replaceLineItems: true }, 'lineItems.lineItem.projectId'),
		);
		const expected = [...sandbox.store.projects.values()].filter((project) => project.clientId === invoice.clientId);
		expect(options.map((option) => option.value).sort()).toEqual(expected.map((project) => String(project.id)).sort());
		expect(listed().map((r) => r.path)).toEqual([wire.path(`/invoices/${invoice.id}`), wire.path('/projects')]);
	});

	it('getCategories gives category names, which is what a line item kind takes', async () => {
		sandbox.store.categories.set(99, { id: 99, name: 'Travel, billable', useAsService: false, useAsExpense: true, createdAt: '', updatedAt: '' });
		const options = await nodeType.methods.loadOptions.getCategories.call(contextFor({ operation: 'create' }, 'lineItems'));
		expect(options).toEqual([
			{ name: 'Product', value: 'Product' },
			{ name: 'Service', value: 'Service' },
			{ name: 'Travel, billable', value: 'Travel, billable' },
		]);
		sandbox.store.categories.delete(99);
	});

	it('getCurrencies needs no request', async () => {
		const options = await nodeType.methods.loadOptions.getCurrencies.call(contextFor({ operation: 'create' }, 'additionalFields.currency'));
		expect(options.map((option) => option.value)).toContain('Euro - EUR');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
