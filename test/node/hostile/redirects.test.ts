import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runDeclarativeNode, sandboxOAuth2Credentials } from '../harness';
import { byId, openInvoice, received, V1_JSON, V2 } from '../operationKit';
import { startCaptureServer, type CaptureServer } from './captureServer';

/** Each way the login travels: v1's Basic header, v2's personal access token, v2's OAuth 2 token (signed by n8n). */
const LOGINS = [
	{ name: 'v1 JSON', wire: V1_JSON, credentials: (sandbox: Sandbox) => V1_JSON.credentials(sandbox), parameters: {} },
	{ name: 'v2 personal access token', wire: V2, credentials: (sandbox: Sandbox) => V2.credentials(sandbox), parameters: {} },
	{ name: 'v2 OAuth 2', wire: V2, credentials: (sandbox: Sandbox) => sandboxOAuth2Credentials(sandbox), parameters: { authentication: 'oAuth2' } },
] as const;

const CASES = LOGINS.flatMap((login) => [301, 302, 307, 308].map((status) => [login.name, status, login] as const));

function runner(sandbox: Sandbox, login: (typeof LOGINS)[number], credentials: ICredentialDataDecryptedObject = login.credentials(sandbox)) {
	return async (resource: string, operation: string, parameters: Record<string, unknown>) =>
		await runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { ...login.parameters, resource, operation, ...parameters } as never,
			credentials,
		});
}

// A redirect must never carry the Harvest login to another address: n8n re-attaches the
// Authorization header on every redirect unless told otherwise, so the node follows none.
describe.each(CASES)('A redirect to another origin (%s, HTTP %i)', (_name, status, login) => {
	let sandbox: Sandbox;
	let elsewhere: CaptureServer;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		elsewhere = await startCaptureServer();
	});
	afterAll(async () => {
		await sandbox.stop();
		await elsewhere.stop();
	});
	afterEach(() => sandbox.clearFaults());

	it.each([
		['GET', 'invoice', 'get', '/invoices/:id'],
		['POST', 'payment', 'create', '/invoices/:id/payments'],
	])('%s (%s > %s) is not followed and says where Harvest pointed', async (method, resource, operation, path) => {
		const invoiceId = await openInvoice(sandbox);
		const target = `${elsewhere.url}/steal?from=harvest`;
		sandbox.setFault({ kind: 'redirect', status, location: target, method, path: login.wire.path(path) });
		const parameters = resource === 'payment' ? { amount: 100, paidAt: '2026-06-10' } : {};
		await expect(runner(sandbox, login)(resource, operation, { invoiceId: byId(invoiceId), ...parameters })).rejects.toThrow(
			`Harvest redirected the request to ${target}`,
		);
		expect(elsewhere.received).toEqual([]);
		expect(received(sandbox).filter((request) => request.method === method)).toHaveLength(1);
	});
});

// v2 lists name their next page with a full address (`links.next`): one on another origin is
// refused, as following it would send the token there.
describe.each(LOGINS.filter((login) => login.wire.api === 'v2').map((login) => [login.name, login] as const))(
	'A v2 next page link to another origin (%s)',
	(_name, login) => {
		let sandbox: Sandbox;
		let elsewhere: CaptureServer;
		beforeAll(async () => {
			sandbox = await startSandbox({ invoices: 0, throttle: false });
			elsewhere = await startCaptureServer();
			// More categories than one page holds (2000), so the first answer has a next link.
			for (let id = 1000; id < 3001; id++) {
				sandbox.store.categories.set(id, { id, name: `Category ${id}`, useAsService: false, useAsExpense: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
			}
			sandbox.setLinkOrigin(elsewhere.url);
		});
		afterAll(async () => {
			await sandbox.stop();
			await elsewhere.stop();
		});

		it('is not followed, and the error names the other origin', async () => {
			await expect(runner(sandbox, login)('category', 'getAll', { returnAll: true })).rejects.toThrow(
				`Harvest's next page link points to another host (${elsewhere.url}); it was not followed`,
			);
			expect(elsewhere.received).toEqual([]);
			expect(received(sandbox)).toHaveLength(1);
		});
	},
);
