/**
 * The one-command demo (`npm start`): started the way npm starts it (tsx test/demo/start.ts) on
 * free ports, checked through n8n's own APIs once it says it is ready, then stopped with SIGINT
 * as Ctrl-C would, leaving no process and no data behind.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';

import { DEMO_CREDENTIAL, DEMO_OWNER, DEMO_V1_CREDENTIAL, PAID_TABLE_NAME, READY_LINE } from '../demo/config';
import { N8nClient } from './n8nClient';
import { DEMO_WORKFLOW_IDS, DEMO_WORKFLOW_NAMES } from '../demo/workflows';
import { HARVEST_CREDENTIAL_TYPE, HARVEST_NODE_TYPE, HARVEST_TRIGGER_NODE_TYPE } from './fixtures';
import { freePort } from './freePort';
import { REPO_ROOT } from './packPackage';
import { startProcess, tail, type BackgroundProcess } from './processes';

/** Building, packing, maybe installing n8n (first run), then starting it. */
const READY_TIMEOUT_MS = 14 * 60_000;
const STOP_TIMEOUT_MS = 60_000;

interface ProcessInfo {
	pid: number;
	cmdline: string;
}

describe('npm start: the one-command demo', () => {
	let demo: BackgroundProcess | undefined;
	let editorUrl: string;
	let sandboxUrl: string;
	let userFolder: string;
	let client: N8nClient;
	/** Every process the demo started (n8n, its task runner, ...), seen while it ran. */
	let demoProcesses: ProcessInfo[] = [];
	let n8nPort: number;
	let sandboxPort: number;

	beforeAll(async () => {
		n8nPort = await freePort();
		sandboxPort = await freePort();
		// The same entry point as `npm start` ("tsx test/demo/start.ts"), without npm around it.
		demo = startProcess(process.execPath, [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/demo/start.ts'], {
			cwd: REPO_ROOT,
			env: { ...process.env, DEMO_N8N_PORT: String(n8nPort), DEMO_SANDBOX_PORT: String(sandboxPort) },
		});
		const output = await waitForOutput(demo, READY_LINE, READY_TIMEOUT_MS);
		editorUrl = field(output, 'Editor URL');
		sandboxUrl = field(output, 'Harvest sandbox').split(' ')[0];
		userFolder = field(output, 'n8n data').split(' ')[0];
		demoProcesses = descendants(demo.pid);

		client = new N8nClient(editorUrl);
		await client.login(DEMO_OWNER);
		await client.createApiKey('demo e2e test', ['workflow:list', 'workflow:read']);
	});

	afterAll(async () => {
		// Normally stopped by the last test already; this is the safety net when a test failed first.
		await demo?.stop(STOP_TIMEOUT_MS);
	});

	test('prints the editor URL, the login and the sandbox, on the ports asked for', () => {
		expect(editorUrl).toBe(`http://127.0.0.1:${n8nPort}`);
		expect(sandboxUrl).toBe(`http://127.0.0.1:${sandboxPort}`);
		const output = demo!.output();
		expect(output).toContain(`${DEMO_OWNER.email} / ${DEMO_OWNER.password}`);
		expect(output).toContain(`${editorUrl}/form/`);
	});

	test('the editor answers', async () => {
		const page = await fetch(`${editorUrl}/signin`);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toContain('text/html');
		expect((await fetch(`${editorUrl}/healthz/readiness`)).status).toBe(200);
	});

	test('the Harvest sandbox answers with the demo data', async () => {
		const response = await fetch(`${sandboxUrl}/__sandbox`);
		expect(response.status).toBe(200);
		const summary = (await response.json()) as { invoices: number };
		expect(summary.invoices).toBeGreaterThan(0);
	});

	test('the four example workflows exist, with the package nodes, and the trigger ones are published', async () => {
		const workflows = await client.listWorkflows();
		const byId = new Map(workflows.map((workflow) => [workflow.id, workflow]));
		for (const [key, id] of Object.entries(DEMO_WORKFLOW_IDS) as Array<[keyof typeof DEMO_WORKFLOW_IDS, string]>) {
			expect(byId.get(id)?.name).toBe(DEMO_WORKFLOW_NAMES[key]);
		}
		const types = (id: string) => byId.get(id)!.nodes.map((node) => node.type);
		expect(types(DEMO_WORKFLOW_IDS.recordPayment)).toContain(HARVEST_NODE_TYPE);
		expect(types(DEMO_WORKFLOW_IDS.formInvoice)).toEqual(expect.arrayContaining(['n8n-nodes-base.formTrigger', HARVEST_NODE_TYPE]));
		expect(types(DEMO_WORKFLOW_IDS.paidToTable)).toEqual(
			expect.arrayContaining([HARVEST_TRIGGER_NODE_TYPE, 'n8n-nodes-base.dataTable']),
		);
		expect(types(DEMO_WORKFLOW_IDS.overdueReminder)).toEqual(
			expect.arrayContaining(['n8n-nodes-base.scheduleTrigger', HARVEST_NODE_TYPE]),
		);
		// Every Harvest node uses the v2 credential (the default API); the v1 one is there to switch to.
		const harvestNodes = workflows.flatMap((workflow) => workflow.nodes).filter((node) => node.type.startsWith('n8n-nodes-harvest-invoicing.'));
		expect(harvestNodes.length).toBeGreaterThan(0);
		for (const node of harvestNodes) expect(node.credentials?.[HARVEST_CREDENTIAL_TYPE]?.id).toBe(DEMO_CREDENTIAL.id);
		expect(byId.get(DEMO_WORKFLOW_IDS.formInvoice)!.active).toBe(true);
		expect(byId.get(DEMO_WORKFLOW_IDS.paidToTable)!.active).toBe(true);
		expect(demo!.output()).toContain(`"${PAID_TABLE_NAME}"`);
	});

	test('the Harvest credentials exist, v2 (the default) and classic v1 beside it, and point at the sandbox', async () => {
		const credentials = await client.listCredentials();
		expect(credentials).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ id: DEMO_CREDENTIAL.id, name: DEMO_CREDENTIAL.name, type: HARVEST_CREDENTIAL_TYPE }),
				expect.objectContaining({ id: DEMO_V1_CREDENTIAL.id, name: DEMO_V1_CREDENTIAL.name, type: HARVEST_CREDENTIAL_TYPE }),
			]),
		);
		const storedData = async (id: string) =>
			((await client.rest('GET', `/rest/credentials/${id}?includeData=true`)) as { data: Record<string, unknown> }).data;
		const v2 = await storedData(DEMO_CREDENTIAL.id);
		expect(v2).toMatchObject({ apiVersion: 'v2', baseUrl: sandboxUrl });
		expect(v2.accountId).toEqual(expect.any(String));
		const v1 = await storedData(DEMO_V1_CREDENTIAL.id);
		expect(v1).toMatchObject({ apiVersion: 'v1', authentication: 'basic', baseUrl: sandboxUrl });
		expect(demo!.output()).toContain(`"${DEMO_CREDENTIAL.name}" (Harvest API v2`);
		expect(demo!.output()).toContain(`"${DEMO_V1_CREDENTIAL.name}" (classic API`);
	});

	test("n8n's credential test passes for both stored credentials", async () => {
		for (const id of [DEMO_CREDENTIAL.id, DEMO_V1_CREDENTIAL.id]) {
			await expect(client.testStoredCredential(id)).resolves.toEqual(expect.objectContaining({ status: 'OK' }));
		}
	});

	test('Ctrl-C (SIGINT) stops n8n and the sandbox and leaves no process or data behind', async () => {
		expect(demoProcesses.some((entry) => entry.cmdline.includes('n8n'))).toBe(true);
		// A terminal sends Ctrl-C to the whole foreground process group: tsx and the demo alike.
		process.kill(-demo!.pid, 'SIGINT');
		let timer: NodeJS.Timeout | undefined;
		const exit = await Promise.race([
			demo!.exited,
			new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS))),
		]);
		clearTimeout(timer);
		expect(exit).toEqual({ code: 0, signal: null });
		expect(demo!.output()).toContain('[demo] stopped');

		expect(stillRunning(demoProcesses)).toEqual([]);
		await expect(fetch(`${editorUrl}/healthz`)).rejects.toThrow();
		await expect(fetch(`${sandboxUrl}/__sandbox`)).rejects.toThrow();
		expect(existsSync(userFolder)).toBe(false);
	});
});

/** Resolves with the output once `marker` shows up; fails when the process exits or time runs out. */
async function waitForOutput(child: BackgroundProcess, marker: string, timeoutMs: number): Promise<string> {
	let exited = false;
	void child.exited.then(() => (exited = true));
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const output = child.output();
		// The banner is written in one piece, so once the marker is there the lines after it are too.
		if (output.includes(marker) && output.includes('Press Ctrl-C')) return output;
		if (exited) throw new Error(`the demo exited before it was ready:\n${tail(output, 60)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`the demo was not ready after ${timeoutMs} ms:\n${tail(child.output(), 60)}`);
}

/** The value of a banner line `  Label:   value`. */
function field(output: string, label: string): string {
	const line = output.split('\n').find((entry) => entry.trimStart().startsWith(`${label}:`));
	if (!line) throw new Error(`the demo printed no "${label}:" line:\n${tail(output)}`);
	return line.slice(line.indexOf(':') + 1).trim();
}

/** All processes below `root` (Linux /proc), whatever process group they moved to. */
function descendants(root: number): ProcessInfo[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const parent = parentPid(Number(entry));
		if (parent === undefined) continue;
		children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
	}
	const found: ProcessInfo[] = [];
	const queue = [...(children.get(root) ?? [])];
	while (queue.length > 0) {
		const pid = queue.shift()!;
		const cmdline = commandLine(pid);
		if (cmdline !== undefined) found.push({ pid, cmdline });
		queue.push(...(children.get(pid) ?? []));
	}
	return found;
}

/** Those of `processes` still alive as the same program (a reused pid runs something else). */
function stillRunning(processes: ProcessInfo[]): ProcessInfo[] {
	return processes.filter((entry) => commandLine(entry.pid) === entry.cmdline);
}

function parentPid(pid: number): number | undefined {
	try {
		// The command name in parentheses may hold spaces; the fields after it are fixed.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		return undefined;
	}
}

function commandLine(pid: number): string | undefined {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
	} catch {
		return undefined;
	}
}
