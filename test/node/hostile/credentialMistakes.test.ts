import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runDeclarativeNode, sandboxCredentials } from '../harness';
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
		['a subdomain with a slash', { subdomain: 'acme.com/x' }, 'Account Subdomain must contain only letters, digits and hyphens'],
		['an empty access token', { authentication: 'accessToken', accessToken: '  ' }, 'Access Token is empty'],
		['an empty email', { email: '' }, 'Email is empty'],
		['a custom base URL that is no URL', { baseUrl: 'localhost:3210' }, 'Custom Base URL must start with http:// or https://'],
	] as const;

	describe.each(mistakes)('%s', (_case, overrides, message) => {
		const run = async (resource: string, operation: string, parameters: Record<string, unknown>) =>
			await runDeclarativeNode(new HarvestInvoicing(), {
				parameters: { resource, operation, ...parameters },
				credentials: sandboxCredentials(sandbox, overrides),
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
