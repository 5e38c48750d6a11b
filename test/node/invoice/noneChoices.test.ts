import { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { additionalDataFor, workflowWith } from '../harness/workflowFixture';
import { EACH_WIRE, byId, received, runInvoice } from './invoiceRun';

const NONE = { name: 'None', value: '', description: 'Not set' };

/**
 * Optional dropdowns start with None (value ''), so an empty one is a valid choice in the editor
 * and can be cleared; '' then sends nothing.
 */
describe.each(EACH_WIRE)('Optional dropdowns: None (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let clientId: number;
	const nodeType = new HarvestInvoicing();
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 5, throttle: false });
		clientId = [...sandbox.store.clients.keys()][0];
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const contextFor = (parameters: INodeParameters, path: string) => {
		const { workflow, node } = workflowWith(nodeType, { resource: 'invoice', ...parameters });
		const additionalData = additionalDataFor(wire.credentials(sandbox));
		additionalData.currentNodeParameters = node.parameters;
		return new LoadOptionsContext(workflow, node, additionalData, path);
	};

	it('the optional dropdowns list None first, then the account values', async () => {
		const { loadOptions } = nodeType.methods;
		const projects = await loadOptions.getProjectsOrNone.call(
			contextFor({ operation: 'create', clientId: String(clientId) }, 'lineItems.lineItem.projectId'),
		);
		const clients = await loadOptions.getClientsOrNone.call(contextFor({ operation: 'getAll' }, 'filters.clientId'));
		const currencies = await loadOptions.getCurrencies.call(contextFor({ operation: 'create' }, 'additionalFields.currency'));
		expect(projects[0]).toEqual(NONE);
		expect(projects.slice(1).map((option) => Number(option.value)).sort()).toEqual(
			[...sandbox.store.projects.values()].filter((project) => project.clientId === clientId).map((project) => project.id).sort(),
		);
		expect(clients).toEqual([
			NONE,
			...(await loadOptions.getClients.call(contextFor({ operation: 'create' }, 'clientId'))),
		]);
		expect(currencies[0]).toEqual(NONE);
		expect(currencies.map((option) => option.value)).toContain('Euro - EUR');
	});

	it('the required ones do not: Client of Create, Projects to Invoice, line item categories', async () => {
		const { loadOptions } = nodeType.methods;
		const clients = await loadOptions.getClients.call(contextFor({ operation: 'create' }, 'clientId'));
		const projects = await loadOptions.getProjects.call(contextFor({ operation: 'create', kind: 'project' }, 'projectIds'));
		const categories = await loadOptions.getCategories.call(contextFor({ operation: 'create' }, 'lineItems'));
		for (const options of [clients, projects, categories]) expect(options.map((option) => option.value)).not.toContain('');
	});

	it('Create with Currency and a line Project at None sends neither', async () => {
		await runInvoice(sandbox, wire, 'create', {
			clientId: String(clientId),
			lineItems: { lineItem: [{ kind: 'Service', description: 'Design', quantity: 1, unitPrice: 10, projectId: '' }] },
			additionalFields: { currency: '' },
		});
		const [post] = received(sandbox.requests());
		if (wire.api === 'v1') {
			const invoice = (post.body as { invoice: Record<string, unknown> }).invoice;
			expect(invoice).not.toHaveProperty('currency');
			expect(String(invoice.csv_line_items).split('\n')[1]).toBe('Service,Design,1.0,10.0,10.0,false,false,');
		} else {
			// v2 sends line items as records: none names a project.
			const invoice = post.body as { line_items: Array<Record<string, unknown>> };
			expect(invoice).not.toHaveProperty('currency');
			expect(invoice.line_items).toEqual([expect.not.objectContaining({ project_id: expect.anything() })]);
			expect(invoice.line_items[0]).toMatchObject({ kind: 'Service', description: 'Design', quantity: 1, unit_price: 10 });
		}
	});

	it('Update with Client at None leaves the client alone and sends only the other fields', async () => {
		const invoiceId = [...sandbox.store.invoices.keys()][0];
		await runInvoice(sandbox, wire, 'update', {
			invoiceId: byId(invoiceId),
			updateFields: { clientId: '', currency: '', subject: 'Renamed' },
		});
		expect(received(sandbox.requests())[0]).toEqual({
			method: wire.updateMethod,
			path: wire.path(`/invoices/${invoiceId}`),
			query: {},
			body: wire.body('invoice', { subject: 'Renamed' }),
		});
	});

	it('Get Many with the Client filter at None filters nothing', async () => {
		await runInvoice(sandbox, wire, 'getAll', { returnAll: false, limit: 2, filters: { clientId: '' } });
		// v2 asks for its largest page (2000) and filters nothing either.
		const query = { v1: { page: '1' }, v2: { page: '1', per_page: '2000' } }[wire.api];
		expect(received(sandbox.requests())[0]).toEqual({ method: 'GET', path: wire.path('/invoices'), query, body: null });
	});
});
