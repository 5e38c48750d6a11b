/**
 * The demo's settings: fixed defaults a person can rely on (n8n on 5678 as usual, the sandbox on
 * 3210 as `npm run sandbox` uses), each overridable through an environment variable.
 */
import type { OwnerAccount } from '../e2e/n8nClient';

export interface DemoOptions {
	/** The n8n editor's port on 127.0.0.1; 0 picks a free one. */
	n8nPort: number;
	/** The Harvest sandbox's port on 127.0.0.1; 0 picks a free one. */
	sandboxPort: number;
	/** How many invoices the sandbox seeds (every state is represented from 5 on). */
	invoices: number;
	/** Seed of the sandbox's data generator. */
	seed: number;
	/** Echo n8n's own log to the terminal. */
	echoN8nLog: boolean;
}

export const DEFAULT_OPTIONS: Readonly<DemoOptions> = Object.freeze({
	n8nPort: 5678,
	sandboxPort: 3210,
	invoices: 60,
	seed: 1,
	echoN8nLog: false,
});

/** Environment variables that override the defaults, for the README and the error messages. */
export const ENV_VARS = {
	n8nPort: 'DEMO_N8N_PORT',
	sandboxPort: 'DEMO_SANDBOX_PORT',
	invoices: 'DEMO_INVOICES',
	seed: 'DEMO_SEED',
	echoN8nLog: 'DEMO_N8N_LOG',
} as const;

/**
 * The n8n owner the demo sets up. A known, local-only demo login (n8n runs on 127.0.0.1 with a
 * throwaway database), printed on purpose so that a person can sign in. n8n's rules: 8+ characters
 * with a digit and an upper-case letter.
 */
export const DEMO_OWNER: Readonly<OwnerAccount> = Object.freeze({
	email: 'demo@harvest-invoicing.example',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Harvest-demo-1',
});

/**
 * The credential's fixed id and name: the workflows reference it, and the test looks for it. It
 * speaks Harvest API v2 (the credential type's default): personal access token and account ID.
 */
export const DEMO_CREDENTIAL = Object.freeze({ id: 'HarvestSandboxCred', name: 'Harvest sandbox (demo)' });

/** The classic API (v1) credential beside it, for trying a workflow on v1 (pick it in a node). */
export const DEMO_V1_CREDENTIAL = Object.freeze({ id: 'HarvestSandboxV1', name: 'Harvest sandbox (classic API v1)' });

/** Printed by start.ts once everything is up: the e2e test (and any script) waits for it. */
export const READY_LINE = 'Harvest Invoicing demo is ready';

/** The n8n data table the "paid" workflow writes to. */
export const PAID_TABLE_NAME = 'Paid invoices';

export function readOptions(env: NodeJS.ProcessEnv = process.env): DemoOptions {
	return {
		n8nPort: port(env, ENV_VARS.n8nPort, DEFAULT_OPTIONS.n8nPort),
		sandboxPort: port(env, ENV_VARS.sandboxPort, DEFAULT_OPTIONS.sandboxPort),
		invoices: wholeNumber(env, ENV_VARS.invoices, DEFAULT_OPTIONS.invoices, 0, 100_000),
		seed: wholeNumber(env, ENV_VARS.seed, DEFAULT_OPTIONS.seed, -(2 ** 31), 2 ** 31 - 1),
		echoN8nLog: /^(1|true|yes)$/i.test(env[ENV_VARS.echoN8nLog] ?? ''),
	};
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	return wholeNumber(env, name, fallback, 0, 65_535);
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
	const raw = env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new Error(`${name}=${raw} is not valid: use a whole number from ${min} to ${max}`);
	}
	return value;
}
