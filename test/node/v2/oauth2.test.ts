import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runDeclarativeNode, sandboxOAuth2Credentials } from '../harness';

describe('Harvest API v2 through OAuth 2', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const run = async (parameters: Record<string, unknown>, credentials = sandboxOAuth2Credentials(sandbox)) =>
		await runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { authentication: 'oAuth2', resource: 'invoice', ...parameters } as never,
			credentials,
		});

	it('signs with the OAuth token and adds the account and the User-Agent', async () => {
		const items = await run({ operation: 'getAll', returnAll: false, limit: 2 });
		expect(items).toHaveLength(2);
		const request = sandbox.requests()[0];
		expect(request).toMatchObject({ method: 'GET', path: '/v2/invoices', status: 200 });
		expect(request.headers['harvest-account-id']).toBe(sandbox.login.accountId);
		expect(request.headers['user-agent']).toMatch(/^n8n-nodes-harvest-invoicing/);
	});

	it('refuses a non-digit Account ID before sending anything', async () => {
		await expect(
			run({ operation: 'getAll', returnAll: false, limit: 2 }, sandboxOAuth2Credentials(sandbox, { accountId: 'acme' })),
		).rejects.toThrow('Account ID must contain only digits');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
