/**
 * README screenshots, taken from a real demo n8n with headless Chromium (a developer tool, not
 * part of CI): `npx tsx test/demo/screenshots.ts`. Writes test/demo/screenshots/*.png:
 *   node-actions.png    the node creator's panel for Harvest Invoicing: every action, by resource
 *   invoice-create.png  Invoice > Create with the line-item editor, after a run against the sandbox
 *   trigger-events.png  the same panel with the trigger's events
 *
 * Needs Debian's Chromium (`apt-get install -y chromium`; CHROMIUM_PATH to use another binary) and
 * playwright-core, which is not a dependency of the repo: the script installs it once into the
 * cache folder the n8n runtime uses (PLAYWRIGHT_CORE_DIR points at an existing install instead).
 * It starts its own demo on free ports, so an `npm start` running beside it is not disturbed.
 */
import { existsSync } from 'fs';
import { mkdir, stat } from 'fs/promises';
import { join, resolve } from 'path';

import { HARVEST_NODE_TYPE, n8nId, usesCredential } from '../e2e/fixtures';
import type { CredentialImport } from '../e2e/n8nInstance';
import { cleanEnv, runtimeCacheRoot } from '../e2e/n8nRuntime';
import { runChecked } from '../e2e/processes';
import { DEFAULT_OPTIONS, DEMO_CREDENTIAL, DEMO_OWNER } from './config';
import { DemoSession, type RunningDemo } from './demo';
import { N8nClient } from '../e2e/n8nClient';

const PLAYWRIGHT_CORE_VERSION = '1.65.1';
const OUTPUT_DIR = resolve(__dirname, 'screenshots');
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

// The few playwright-core calls used here, typed locally: the package is loaded from outside the
// repo at run time, so its own type declarations are not available to `tsc`.
interface Locator {
	first(): Locator;
	click(options?: { timeout?: number }): Promise<void>;
	dblclick(options?: { timeout?: number }): Promise<void>;
	waitFor(options?: { state?: 'visible' | 'attached' | 'hidden'; timeout?: number }): Promise<void>;
	boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
	evaluate<R>(fn: (element: HTMLElementLike) => R): Promise<R>;
}
interface HTMLElementLike {
	scrollIntoView(options: { block: 'start' | 'center' }): void;
}
interface Page {
	goto(url: string): Promise<unknown>;
	fill(selector: string, value: string): Promise<void>;
	click(selector: string): Promise<void>;
	waitForURL(url: RegExp, options?: { timeout?: number }): Promise<void>;
	waitForTimeout(ms: number): Promise<void>;
	locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
	keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
	mouse: { move(x: number, y: number): Promise<void> };
	screenshot(options: { path: string; clip?: { x: number; y: number; width: number; height: number } }): Promise<unknown>;
}
interface Browser {
	newContext(options: { viewport: { width: number; height: number }; deviceScaleFactor?: number }): Promise<{ newPage(): Promise<Page> }>;
	close(): Promise<void>;
}
interface PlaywrightCore {
	chromium: { launch(options: { executablePath: string; args: string[]; headless: boolean }): Promise<Browser> };
}

async function main(): Promise<void> {
	const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(chromiumPath)) {
		throw new Error(`no Chromium at ${chromiumPath}: install Debian's (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH`);
	}
	const playwright = await loadPlaywrightCore();
	await mkdir(OUTPUT_DIR, { recursive: true });

	const session = new DemoSession({ ...DEFAULT_OPTIONS, n8nPort: 0, sandboxPort: 0 });
	const stopOnSignal = () => void session.stop().then(() => process.exit(130));
	process.once('SIGINT', stopOnSignal);
	process.once('SIGTERM', stopOnSignal);
	let browser: Browser | undefined;
	try {
		const demo = await session.start();
		const showcaseId = await createInvoiceShowcase(demo);
		browser = await playwright.chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
		await shootNodeCreator(browser, demo);
		await shootInvoiceCreate(browser, demo, showcaseId);
		for (const name of ['node-actions.png', 'invoice-create.png', 'trigger-events.png']) {
			const { size } = await stat(join(OUTPUT_DIR, name));
			process.stdout.write(`[screenshots] ${join(OUTPUT_DIR, name)} (${Math.round(size / 1024)} KB)\n`);
		}
	} finally {
		await browser?.close();
		await session.stop();
	}
}

/** playwright-core from PLAYWRIGHT_CORE_DIR, or from the cache, installed there on first use. */
async function loadPlaywrightCore(): Promise<PlaywrightCore> {
	let dir = process.env.PLAYWRIGHT_CORE_DIR;
	if (!dir) {
		const prefix = join(runtimeCacheRoot(), `playwright-core-${PLAYWRIGHT_CORE_VERSION}`);
		dir = join(prefix, 'node_modules', 'playwright-core');
		if (!existsSync(join(dir, 'package.json'))) {
			process.stdout.write(`[screenshots] installing playwright-core ${PLAYWRIGHT_CORE_VERSION} into ${prefix}\n`);
			await mkdir(prefix, { recursive: true });
			// The browser comes from Debian; playwright-core itself downloads none.
			await runChecked(
				'npm',
				['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `playwright-core@${PLAYWRIGHT_CORE_VERSION}`],
				{ env: cleanEnv(), timeoutMs: 5 * 60_000 },
			);
		}
	}
	return require(dir) as PlaywrightCore;
}

async function signedInPage(browser: Browser, demo: RunningDemo, height: number): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1280, height }, deviceScaleFactor: 1 });
	const page = await context.newPage();
	await page.goto(`${demo.editorUrl}/signin`);
	await page.fill('#emailOrLdapLoginId', DEMO_OWNER.email);
	await page.fill('#password', DEMO_OWNER.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL(/\/(home|workflows)/, { timeout: 30_000 });
	return page;
}

/**
 * The node creator on the "record a payment" workflow: search, open Harvest Invoicing, then shoot
 * its panel twice, once with the actions and once with the trigger's events unfolded. The window
 * is tall enough for all 21 actions; the picture is cropped to the panel.
 */
async function shootNodeCreator(browser: Browser, demo: RunningDemo): Promise<void> {
	const page = await signedInPage(browser, demo, 1400);
	await page.goto(`${demo.editorUrl}/workflow/${demo.workflows[0].id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 30_000 });
	await page.click('[data-test-id="node-creator-plus-button"]');
	await page.keyboard.type('Harvest Invoicing');
	await page.locator('[data-test-id="item-iterator-item"]', { hasText: 'Harvest Invoicing' }).first().click();
	const panel = page.locator('[data-test-id="node-creator"]');
	const actions = page.locator('[data-test-id="node-creator-category-item"]', { hasText: 'Actions (' });
	await actions.waitFor({ timeout: 30_000 });
	await settle(page);
	await page.screenshot({ path: join(OUTPUT_DIR, 'node-actions.png'), clip: await clipTo(panel, page, 1400) });

	// Fold the actions, unfold the triggers: the trigger node's events, as n8n lists them.
	await actions.click();
	await page.locator('[data-test-id="node-creator-category-item"]', { hasText: 'Triggers (' }).click();
	await settle(page);
	await page.screenshot({ path: join(OUTPUT_DIR, 'trigger-events.png'), clip: await clipTo(panel, page, 760) });
}

/** Invoice > Create of the showcase workflow, run once so that the output shows the saved invoice. */
async function shootInvoiceCreate(browser: Browser, demo: RunningDemo, workflowId: string): Promise<void> {
	const page = await signedInPage(browser, demo, 1120);
	await page.goto(`${demo.editorUrl}/workflow/${workflowId}`);
	await page.locator('[data-test-id="canvas-node"]', { hasText: SHOWCASE_NODE }).dblclick({ timeout: 30_000 });
	await page.locator('[data-test-id="node-execute-button"]').first().click({ timeout: 30_000 });
	const output = page.locator('[data-test-id="output-panel"]', { hasText: /1 item/ });
	await output.waitFor({ timeout: 60_000 });
	// The saved invoice as JSON reads better than a table of 30 mostly empty columns.
	await page.locator('[data-test-id="output-panel"] [data-test-id="radio-button-json"]').click();
	// Client first: Credential, Resource and Operation scroll out, the first line item comes fully into view.
	await page.locator('[data-test-id="node-parameters"] >> text=Client Name or ID').first().evaluate((element) => {
		element.scrollIntoView({ block: 'start' });
	});
	// The "Node executed successfully" toast fades out by itself.
	await page.locator('.el-notification').first().waitFor({ state: 'hidden', timeout: 15_000 });
	await settle(page);
	// Cropped to the parameters and the output: the input panel only shows the manual trigger's empty item.
	const parameters = await page.locator('[data-test-id="node-parameters"]').first().boundingBox();
	const left = Math.max(0, Math.floor(parameters?.x ?? 0));
	await page.screenshot({ path: join(OUTPUT_DIR, 'invoice-create.png'), clip: { x: left, y: 20, width: 1280 - left - 20, height: 1080 } });
}

const SHOWCASE_NODE = 'Create an invoice';

/**
 * A workflow made for the picture (in this throwaway n8n only): Invoice > Create with a chosen
 * client, a project and two lines, fixed values rather than the form workflow's expressions, so
 * that the dropdowns show names loaded from the sandbox.
 */
async function createInvoiceShowcase(demo: RunningDemo): Promise<string> {
	const client = new N8nClient(demo.editorUrl);
	await client.login(DEMO_OWNER);
	const clientId = 1001;
	const projectId = await firstProjectOf(demo, clientId);
	const credential: CredentialImport = { id: DEMO_CREDENTIAL.id, name: DEMO_CREDENTIAL.name, type: 'harvestInvoicingApi', data: {} };
	const trigger = { id: n8nId(), name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 300], parameters: {} };
	const create = {
		id: n8nId(),
		name: SHOWCASE_NODE,
		type: HARVEST_NODE_TYPE,
		typeVersion: 1,
		position: [260, 300],
		credentials: usesCredential(credential),
		parameters: {
			resource: 'invoice',
			operation: 'create',
			clientId: String(clientId),
			kind: 'free_form',
			lineItemsInput: 'editor',
			lineItems: {
				lineItem: [
					{ kind: 'Service', description: 'Website redesign, phase 1', projectId, quantity: 12, unitPrice: 95, taxed: false, taxed2: false },
					{ kind: 'Product', description: 'Hosting, 12 months', projectId: '', quantity: 1, unitPrice: 240, taxed: false, taxed2: false },
				],
			},
			additionalFields: { dueTerms: 'net30' },
		},
	};
	const created = (await client.rest('POST', '/rest/workflows', {
		name: 'Screenshot: create an invoice',
		nodes: [trigger, create],
		connections: { [trigger.name]: { main: [[{ node: create.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	})) as { id: string };
	return created.id;
}

/** The first project of a client, asked of the sandbox as any Harvest client would. */
async function firstProjectOf(demo: RunningDemo, clientId: number): Promise<string> {
	const { email, password } = demo.sandboxLogin;
	const response = await fetch(`${demo.sandboxUrl}/projects?client=${clientId}`, {
		headers: { Accept: 'application/json', Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}` },
	});
	const entries = (await response.json()) as Array<{ project?: { id: number }; id?: number }>;
	const id = entries[0]?.project?.id ?? entries[0]?.id;
	return id === undefined ? '' : String(id);
}

/** The panel's box, as tall as its content (at most maxHeight). */
async function clipTo(panel: Locator, page: Page, maxHeight: number): Promise<{ x: number; y: number; width: number; height: number }> {
	const box = await panel.boundingBox();
	if (!box) throw new Error('the node creator panel is not on screen');
	await page.mouse.move(0, 0);
	return { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.min(Math.ceil(box.height), maxHeight) };
}

/** Lets transitions and lazy loading finish, with the pointer out of the way (no hover highlight). */
async function settle(page: Page): Promise<void> {
	await page.mouse.move(1, 1);
	await page.waitForTimeout(1500);
}

main().catch((error: unknown) => {
	process.stderr.write(`[screenshots] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
