import type { IAuthenticateRuleResponseCode, IAuthenticateRuleResponseSuccessBody } from 'n8n-workflow';

import { HarvestInvoicingApi } from '../../../credentials/HarvestInvoicingApi.credentials';
import { startSandbox, type Sandbox } from '../../sandbox';
import { sandboxCredentials, sandboxV2Credentials } from '../harness';

/** Reads `a.b.c` from a JSON body, as n8n's rule check does. */
const valueAt = (body: unknown, path: string): unknown =>
	path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], body);

/**
 * n8n's credential test sends `test.request` through the credential's `authenticate`, then applies
 * the `responseCode` rules to a refused answer and the `responseSuccessBody` rules to the JSON of a
 * 2xx answer. Same steps here, against the sandbox (the e2e smoke suite asks real n8n).
 */
async function testCredential(
	sandbox: Sandbox,
	overrides = {},
	credentials = sandboxCredentials(sandbox, overrides),
): Promise<{ status: number; failure?: string }> {
	const credential = new HarvestInvoicingApi();
	const request = await credential.authenticate(credentials, {
		url: credential.test.request.url as string,
		method: 'GET',
		headers: credential.test.request.headers,
	});
	const response = await fetch(`${request.baseURL}${request.url}`, { headers: request.headers as Record<string, string> });
	const body = response.ok ? await response.json() : undefined;
	const rules = (credential.test.rules ?? []) as Array<IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody>;
	const failedRule = rules.find((rule) =>
		rule.type === 'responseCode'
			? !response.ok && response.status === rule.properties.value
			: response.ok && valueAt(body, rule.properties.key) === rule.properties.value,
	);
	return { status: response.status, failure: failedRule ? String(failedRule.properties.message) : undefined };
}

describe('Harvest Invoicing API credential: test request', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 1 });
	});
	afterAll(async () => await sandbox.stop());
	afterEach(() => sandbox.setInvoicesModule(true));

	it('passes for a good login, with Basic auth or a token', async () => {
		expect(await testCredential(sandbox)).toEqual({ status: 200, failure: undefined });
		expect(await testCredential(sandbox, { authentication: 'accessToken' })).toEqual({ status: 200, failure: undefined });
		expect(sandbox.requests().at(-1)).toMatchObject({ method: 'GET', path: '/account/who_am_i', status: 200 });
	});

	it('asks who_am_i in JSON even when the nodes use XML', async () => {
		expect(await testCredential(sandbox, { dataFormat: 'xml' })).toEqual({ status: 200, failure: undefined });
		expect(sandbox.requests().at(-1)?.headers.accept).toBe('application/json');
	});

	it('fails with a clear message when the Invoices module is off', async () => {
		sandbox.setInvoicesModule(false);
		const result = await testCredential(sandbox);
		expect(result.failure).toMatch(/does not have the Invoices module turned on/);
	});

	it('is refused by Harvest (401) for a wrong password, with a message naming what to check', async () => {
		expect(await testCredential(sandbox, { password: 'wrong' })).toEqual({
			status: 401,
			failure: expect.stringContaining('check the email and password, or the access token'),
		});
	});
});

describe('Harvest Invoicing API credential on Harvest API v2: test request', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ throttle: false, invoices: 1 });
	});
	afterAll(async () => await sandbox.stop());
	afterEach(() => sandbox.setInvoicesModule(true));
	const testV2 = async (overrides = {}) => await testCredential(sandbox, {}, sandboxV2Credentials(sandbox, overrides));

	it('passes for a good token and account, asking /v2/company with the token, account and User-Agent', async () => {
		expect(await testV2()).toEqual({ status: 200, failure: undefined });
		const request = sandbox.requests().at(-1);
		expect(request).toMatchObject({ method: 'GET', path: '/v2/company', status: 200 });
		expect(request?.headers['harvest-account-id']).toBe(sandbox.login.accountId);
		expect(request?.headers['user-agent']).toMatch(/^n8n-nodes-harvest-invoicing \(https:/);
	});

	it('is refused for a wrong token (401) and for an account the token cannot reach (403), naming the field', async () => {
		expect(await testV2({ personalAccessToken: 'wrong' })).toEqual({
			status: 401,
			failure: expect.stringContaining('check the Personal Access Token'),
		});
		expect(await testV2({ accountId: '999' })).toEqual({
			status: 403,
			failure: expect.stringContaining('cannot reach the account with this Account ID'),
		});
	});

	it('fails with a clear message when invoices are off for the account', async () => {
		sandbox.setInvoicesModule(false);
		expect((await testV2()).failure).toMatch(/does not have the Invoices feature turned on/);
	});

	it('refuses an empty token or a non-digit account ID before sending anything', async () => {
		sandbox.clearRequests();
		await expect(testV2({ personalAccessToken: '' })).rejects.toThrow('Personal Access Token is empty');
		await expect(testV2({ accountId: 'acme' })).rejects.toThrow('Account ID must contain only digits');
		expect(sandbox.requests()).toHaveLength(0);
	});
});
