import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { v2Runner } from './v2Run';

// v2-only Invoice > Create behaviours: line_items_import summaries and a custom due date counted from
// the Issue Date. What every wire does is in test/node/invoice/*.test.ts, run on v1 JSON, v1 XML and v2.
describe('Harvest API v2: Invoice operations', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	let clientId: number;
	let projectIds: number[];
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 20, throttle: false });
		run = v2Runner(sandbox);
		clientId = [...sandbox.store.clients.keys()][0];
		projectIds = [...sandbox.store.projects.values()].filter((project) => project.clientId === clientId).map((project) => project.id);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const create = async (parameters: IDataObject) => await run('invoice', 'create', { clientId: String(clientId), ...parameters });
	const firstBody = () => sandbox.requests()[0].body as IDataObject;

	describe('Create', () => {
		it('counts a custom due date from the Issue Date given: payment_term custom + due_date', async () => {
			const [item] = await create({
				kind: 'project',
				projectIds: projectIds.map(String),
				importHours: 'period',
				periodStart: '2026-03-01T00:00:00',
				periodEnd: '2026-06-14T00:00:00',
				importExpenses: 'all',
				expenseSummaryType: 'category',
				additionalFields: { issuedAt: '2026-06-01T00:00:00', dueTerms: 'custom', dueInDays: 21 },
			});
			expect(firstBody()).toEqual({
				client_id: clientId,
				issue_date: '2026-06-01',
				payment_term: 'custom',
				due_date: '2026-06-22',
				line_items_import: {
					project_ids: projectIds,
					time: { summary_type: 'project', from: '2026-03-01', to: '2026-06-14' },
					expenses: { summary_type: 'category' },
				},
			});
			expect(item.json).toMatchObject({ client: { id: clientId }, state: 'draft', payment_term: 'custom', due_date: '2026-06-22' });
			expect((item.json.line_items as IDataObject[]).length).toBeGreaterThan(0);
		});

		it.each([
			['task', 'all', { summary_type: 'task' }],
			['people', 'all', { summary_type: 'people' }],
			['detailed', 'all', { summary_type: 'detailed' }],
		])('creates from tracked time by %s with all hours', async (kind, importHours, time) => {
			await create({ kind, projectIds: [String(projectIds[0])], importHours, importExpenses: 'none' });
			expect(firstBody().line_items_import).toEqual({ project_ids: [projectIds[0]], time });
		});

		it('imports no hours when Import Hours is none, only expenses', async () => {
			await create({ kind: 'project', projectIds: [String(projectIds[0])], importHours: 'none', importExpenses: 'all', expenseSummaryType: 'project' });
			expect(firstBody().line_items_import).toEqual({ project_ids: [projectIds[0]], expenses: { summary_type: 'project' } });
		});
	});
});
