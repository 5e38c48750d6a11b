/**
 * Smoke test: the package, packed and installed the way n8n installs community nodes, loads in a
 * real n8n 2.x and fetches invoices from the Harvest sandbox through its credential.
 */
import { readdir } from 'fs/promises';
import { join } from 'path';

import { startSandbox, type Sandbox } from '../sandbox';
import { nodeOutputItems } from './executionOutput';
import {
	HARVEST_CREDENTIAL_TYPE,
	HARVEST_NODE_TYPE,
	HARVEST_TRIGGER_NODE_TYPE,
	harvestCredential,
	PACKAGE_NAME,
	sandboxCredential,
	sandboxV2Credential,
	manualWorkflow,
	usesCredential,
} from './fixtures';
import { N8nInstance, type CredentialImport, type WorkflowImport } from './n8nInstance';
import type { N8nServer } from './n8nServer';

const NODE_NAME = 'Harvest Invoicing';
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

describe('the packed package in a real n8n', () => {
	let n8n: N8nInstance | undefined;
	let sandbox: Sandbox | undefined;
	let workflow: WorkflowImport;
	/** v2 credentials as a user might fill them in, tested by n8n's own credential tester. */
	let v2Logins: Record<'right' | 'wrongToken' | 'wrongAccount', CredentialImport>;

	beforeAll(async () => {
		n8n = await N8nInstance.withPackage();

		// In this process: n8n runs as child processes spawned asynchronously, so nothing blocks it.
		sandbox = await startSandbox();
		const credential = sandboxCredential(sandbox);
		workflow = manualWorkflow({
			name: 'Harvest e2e: get five invoices',
			node: {
				name: NODE_NAME,
				type: HARVEST_NODE_TYPE,
				typeVersion: 1,
				parameters: { resource: 'invoice', operation: 'getAll', returnAll: false, limit: 5 },
				credentials: usesCredential(credential),
			},
		});
		const v2 = { apiVersion: 'v2' as const, personalAccessToken: sandbox.login.personalAccessToken, accountId: String(sandbox.login.accountId), baseUrl: sandbox.url };
		v2Logins = {
			right: sandboxV2Credential(sandbox, 'Harvest sandbox (v2)'),
			wrongToken: harvestCredential({ ...v2, personalAccessToken: 'not-the-token' }, 'wrong token'),
			wrongAccount: harvestCredential({ ...v2, accountId: '999' }, 'wrong account'),
		};
		await n8n.importCredentials([credential, ...Object.values(v2Logins)]);
		await n8n.importWorkflows([workflow]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sandbox?.stop();
	});

	test('installs without pulling in any dependency (everything it needs is bundled)', async () => {
		const installed = (await readdir(join(n8n!.nodesDir, 'node_modules'))).filter((name) => !name.startsWith('.'));
		expect(installed).toEqual([PACKAGE_NAME]);
	});

	test('`n8n execute` returns five invoices fetched from the sandbox with the credential', async () => {
		sandbox!.clearRequests();
		const execution = await n8n!.execute(workflow.id);
		expect(execution.error).toBeUndefined();
		expect(execution.exitCode).toBe(0);

		const items = nodeOutputItems(execution.run!.data, NODE_NAME);
		expect(items).toHaveLength(5);
		for (const invoice of items) {
			expect(typeof invoice.id).toBe('number');
			expect(Object.keys(invoice).filter((key) => !SNAKE_CASE.test(key))).toEqual([]);
		}

		const listCalls = sandbox!.requests().filter((request) => request.method === 'GET' && request.path === '/invoices');
		expect(listCalls.length).toBeGreaterThanOrEqual(1);
		for (const request of listCalls) {
			expect(request.headers.accept).toContain('application/json');
			// The sandbox logs no Authorization header (it is a secret); it answers 401 without a valid one.
			expect(request.status).toBe(200);
		}
	});

	describe('with n8n running as a server', () => {
		let server: N8nServer;

		beforeAll(async () => {
			server = await n8n!.startServer();
			await server.setupOwnerAndApiKey();
		});

		afterAll(async () => {
			if (server) await n8n?.stopServer(server);
		});

		test('loads both nodes and the credential type from the installed package', async () => {
			const nodeNames = (await server.nodeTypes()).map((type) => type.name);
			expect(nodeNames).toEqual(expect.arrayContaining([HARVEST_NODE_TYPE, HARVEST_TRIGGER_NODE_TYPE]));
			const credentialNames = (await server.credentialTypes()).map((type) => type.name);
			expect(credentialNames).toContain(HARVEST_CREDENTIAL_TYPE);
		});

		test("n8n's credential test names what is wrong: the token, the account ID, or invoices turned off", async () => {
			const test = async (login: CredentialImport) => await server.api.testStoredCredential(login.id);
			expect(await test(v2Logins.right)).toMatchObject({ status: 'OK' });
			expect(await test(v2Logins.wrongToken)).toEqual({ status: 'Error', message: expect.stringContaining('check the Personal Access Token') });
			expect(await test(v2Logins.wrongAccount)).toEqual({ status: 'Error', message: expect.stringContaining('cannot reach the account with this Account ID') });
			sandbox!.setInvoicesModule(false);
			try {
				expect(await test(v2Logins.right)).toEqual({ status: 'Error', message: expect.stringContaining('does not have the Invoices feature turned on') });
			} finally {
				sandbox!.setInvoicesModule(true);
			}
		});

		test('a CLI run beside the server is listed, with its items, by the public API', async () => {
			const execution = await n8n!.execute(workflow.id);
			expect(execution.error).toBeUndefined();

			const executions = await server.listExecutions({ workflowId: workflow.id, includeData: true });
			const cliRuns = executions.filter((run) => run.mode === 'cli' && run.status === 'success');
			expect(cliRuns.length).toBeGreaterThanOrEqual(1);
			expect(nodeOutputItems(cliRuns[0].data!, NODE_NAME)).toHaveLength(5);
		});
	});
});
