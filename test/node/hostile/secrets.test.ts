import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, openInvoice } from '../operationKit';
import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { runDeclarativeNode, sandboxCredentials } from '../harness';
import { V2 } from '../wires';

/** The logins under test: v1 with Basic or an access token (JSON and XML), v2 with a personal access token. */
const LOGINS = [
	{ name: 'v1 basic', api: 'v1', authentication: 'basic', formats: ['json', 'xml'] },
	{ name: 'v1 accessToken', api: 'v1', authentication: 'accessToken', formats: ['json', 'xml'] },
	{ name: 'v2', api: 'v2', authentication: 'personalAccessToken', formats: ['json'] },
] as const;

// Whatever Harvest, a proxy or a debug page sends back, the error a user sees (message,
// description, and the details n8n stores with the execution) never holds the login.
describe.each(LOGINS.map((login) => [login.name, login] as const))('Errors never show the secrets (%s)', (_name, login) => {
	const { authentication } = login;
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
	});
	afterAll(async () => await sandbox.stop());
	afterEach(() => sandbox.clearFaults());

	const secrets = () => {
		const { email, password, accessToken, personalAccessToken } = sandbox.login;
		const basic = Buffer.from(`${email}:${password}`).toString('base64');
		if (login.api === 'v2') return [personalAccessToken];
		return authentication === 'basic' ? [password, basic] : [accessToken];
	};
	const credentials = (dataFormat: 'json' | 'xml') =>
		login.api === 'v2' ? V2.credentials(sandbox) : sandboxCredentials(sandbox, { authentication: login.authentication, dataFormat });
	const path = (v1Path: string) => (login.api === 'v2' ? V2.path(v1Path) : v1Path);
	const failure = async (operation: string, parameters: Record<string, unknown>) => {
		const run = runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { resource: 'invoice', operation, ...parameters },
			credentials: credentials('json'),
		});
		return (await run.then(() => undefined, (error: unknown) => error)) as Error & { description?: string };
	};
	const shown = (error: Error & { description?: string }) =>
		[error.message, error.description ?? '', JSON.stringify(error), JSON.stringify((error as { messages?: unknown }).messages ?? [])].join('\n');

	it.each([...login.formats])('when the server echoes the Authorization header in its error body (%s)', async (dataFormat) => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.setFault({ kind: 'echoAuth', method: 'GET', path: path('/invoices/:id') });
		const run = runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { resource: 'invoice', operation: 'get', invoiceId: byId(invoiceId) },
			credentials: credentials(dataFormat),
		});
		const error = (await run.then(() => undefined, (caught: unknown) => caught)) as Error & { description?: string };
		expect(error.message).toContain('Harvest refused the credentials');
		expect(error.description).toContain('Authentication failed for Authorization: ');
		for (const secret of secrets()) expect(shown(error)).not.toContain(secret);
	});

	// Parsers quote the start of what they could not read (JSON.parse up to 20 characters, the XML
	// reader the names of elements): a server echoing the secret there must not show it.
	it.each([...login.formats])('when a 200 answer starts with the secret and cannot be read (%s)', async (dataFormat) => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.setFault({ kind: 'echoAuth', status: 200, method: 'GET', path: path('/invoices/:id') });
		const run = runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { resource: 'invoice', operation: 'get', invoiceId: byId(invoiceId) },
			credentials: credentials(dataFormat),
		});
		const error = (await run.then(() => undefined, (caught: unknown) => caught)) as Error & { description?: string };
		expect(error.message).toContain('Harvest sent an answer that could not be read');
		expect(error.description).toContain('[redacted]');
		for (const secret of secrets()) expect(shown(error)).not.toContain(secret);
	});

	it('when the connection drops (the request options are part of the low-level error)', async () => {
		const invoiceId = await openInvoice(sandbox);
		sandbox.setFault({ kind: 'reset', method: 'GET', path: path('/invoices/:id') });
		const error = await failure('get', { invoiceId: byId(invoiceId) });
		expect(error).toBeDefined();
		for (const secret of secrets()) expect(shown(error)).not.toContain(secret);
	});

	it('when a write fails without an answer', async () => {
		sandbox.setFault({ kind: 'reset', method: 'DELETE', path: path('/invoices/:id') });
		const invoiceId = await openInvoice(sandbox);
		const error = await failure('delete', { invoiceId: byId(invoiceId) });
		expect(error.message).toContain('unknown whether the change was made');
		for (const secret of secrets()) expect(shown(error)).not.toContain(secret);
	});
});
