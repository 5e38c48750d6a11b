import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runDeclarativeNode, sandboxCredentials, sandboxV2Credentials } from '../harness';
import { byId, openInvoice } from '../operationKit';

// A credential that cannot be used stops the request before it is sent: the error says what to
// fix in the credential, never "unknown whether the change was made" (nothing was sent).
describe('Credential mistakes', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	const mistakes = [
		['v1: a subdomain with a slash', 'v1', { subdomain: 'acme.com/x' }, 'Account Subdomain must contain only letters, digits and hyphens'],
		['v1: an empty access token', 'v1', { authentication: 'accessToken', accessToken: '  ' }, 'Access Token is empty'],
		['v1: an empty email', 'v1', { email: '' }, 'Email is empty'],
		['v1: a custom base URL that is no URL', 'v1', { baseUrl: 'localhost:3210' }, 'Custom Base URL must start with http:// or https://'],
		['v2: an empty personal access token', 'v2', { personalAccessToken: ' ' }, 'Personal Access Token is empty'],
		['v2: an empty account ID', 'v2', { accountId: '' }, 'Account ID is empty'],
		['v2: an account ID that is not digits', 'v2', { accountId: '12 34' }, 'Account ID must contain only digits'],
		['v2: a custom base URL that is no URL', 'v2', { baseUrl: 'localhost:3210' }, 'Custom Base URL must start with http:// or https://'],
	] as const;

	describe.each(mistakes)('%s', (_case, api, overrides, message) => {
		const run = async (resource: string, operation: string, parameters: Record<string, unknown>) =>
			await runDeclarativeNode(new HarvestInvoicing(), {
				parameters: { resource, operation, ...parameters },
				credentials: api === 'v1' ? sandboxCredentials(sandbox, overrides) : sandboxV2Credentials(sandbox, overrides),
			});

		it.each([
			['Payment > Create (a write)', 'payment', 'create', { amount: 100, paidAt: '2026-06-10' }],
			['Invoice > Get (a read)', 'invoice', 'get', {}],
		])('on %s says what to fix, and nothing is sent', async (_name, resource, operation, parameters) => {
			const invoiceId = await openInvoice(sandbox);
			const error = (await run(resource, operation, { invoiceId: byId(invoiceId), ...parameters }).catch((caught: unknown) => caught)) as Error & { description?: string };
			expect(error.message).toContain(message);
			expect(error.message).not.toContain('unknown whether');
			expect(error.description).toContain('Harvest Invoicing API credential');
			expect(sandbox.requests()).toEqual([]);
		});
	});
});

/** An address where nothing listens: a port the system gave out, then freed again. */
async function closedPort(): Promise<string> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return `http://127.0.0.1:${port}`;
}

// A refused connection (or a host that does not resolve) means the request never left: the
// error says so and where it tried, not that the change may have been made.
describe.each(['v1', 'v2'] as const)('A Custom Base URL where nothing listens (%s)', (api) => {
	let sandbox: Sandbox;
	let address: string;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		address = await closedPort();
	});
	afterAll(async () => await sandbox.stop());

	it.each([
		['Payment > Create (a write)', 'payment', 'create', { amount: 100, paidAt: '2026-06-10' }],
		['Invoice > Get (a read)', 'invoice', 'get', {}],
	])('on %s says Harvest could not be reached there and nothing was changed', async (_name, resource, operation, parameters) => {
		const credentials = api === 'v1' ? sandboxCredentials(sandbox, { baseUrl: address }) : sandboxV2Credentials(sandbox, { baseUrl: address });
		const error = (await runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { resource, operation, invoiceId: byId(1), ...parameters },
			credentials,
		}).catch((caught: unknown) => caught)) as Error & { description?: string };
		expect(error.message).toContain(`Harvest could not be reached at ${address}`);
		expect(error.message).toContain('nothing was changed');
		expect(error.message).not.toContain('unknown whether');
		expect(error.description).toContain('Custom Base URL');
		const shown = [error.message, error.description, JSON.stringify(error)].join('\n');
		for (const secret of [sandbox.login.password, sandbox.login.accessToken, sandbox.login.personalAccessToken]) expect(shown).not.toContain(secret);
	});
});
