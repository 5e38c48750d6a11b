/**
 * The credential and workflows the e2e tests import, built the way a user's export looks. Type
 * names are the package's public interface: a saved workflow references them, so the tests spell
 * them out instead of importing them from the source.
 */
import { randomBytes } from 'crypto';

import type { CredentialImport, WorkflowImport, WorkflowNode } from './n8nInstance';

export const PACKAGE_NAME = 'n8n-nodes-harvest-invoicing';
export const HARVEST_NODE_TYPE = `${PACKAGE_NAME}.harvestInvoicing`;
export const HARVEST_TRIGGER_NODE_TYPE = `${PACKAGE_NAME}.harvestInvoicingTrigger`;
export const HARVEST_CREDENTIAL_TYPE = 'harvestInvoicingApi';

/** The credential's fields for the classic API (v1), as the credential type defines them. */
export interface HarvestCredentialData {
	apiVersion?: 'v1';
	subdomain: string;
	authentication: 'basic' | 'accessToken';
	email?: string;
	password?: string;
	accessToken?: string;
	dataFormat: 'json' | 'xml';
	/** The sandbox's URL; empty means https://{subdomain}.harvestapp.com. */
	baseUrl: string;
}

/** An id like n8n's own (16 letters and digits); n8n accepts any string up to 21 characters. */
export function n8nId(): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
	return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** The credential's fields for Harvest API v2 (the credential type's default API). */
export interface HarvestV2CredentialData {
	apiVersion: 'v2';
	personalAccessToken: string;
	accountId: string;
	/** The sandbox's URL; empty means https://api.harvestapp.com. */
	baseUrl: string;
}

/** The two APIs a credential can speak; the e2e suites run their workflows on both. */
export type HarvestApiVersion = 'v1' | 'v2';

export function harvestCredential(
	data: HarvestCredentialData | HarvestV2CredentialData,
	name = 'Harvest sandbox',
): CredentialImport {
	return { id: n8nId(), name, type: HARVEST_CREDENTIAL_TYPE, data: { ...data } };
}

/** The credential a user would fill in for the sandbox: its demo login, Basic auth, its URL. */
export function sandboxCredential(
	sandbox: { url: string; login: { subdomain: string; email: string; password: string } },
	dataFormat: 'json' | 'xml' = 'json',
	name?: string,
): CredentialImport {
	const { subdomain, email, password } = sandbox.login;
	// The API is named although a classic login alone would be read as v1: v2 is the type's default.
	return harvestCredential(
		{ apiVersion: 'v1', subdomain, authentication: 'basic', email, password, dataFormat, baseUrl: sandbox.url },
		name,
	);
}

/** The credential a user would fill in for the sandbox's v2: its personal access token, account ID and URL. */
export function sandboxV2Credential(
	sandbox: { url: string; login: { personalAccessToken: string; accountId: string | number } },
	name?: string,
): CredentialImport {
	const { personalAccessToken, accountId } = sandbox.login;
	return harvestCredential(
		{ apiVersion: 'v2', personalAccessToken, accountId: String(accountId), baseUrl: sandbox.url },
		name,
	);
}

/** The sandbox credential for one API (v1: JSON, Basic auth). */
export function sandboxCredentialFor(
	api: HarvestApiVersion,
	sandbox: Parameters<typeof sandboxCredential>[0] & Parameters<typeof sandboxV2Credential>[0],
	name?: string,
): CredentialImport {
	return api === 'v2' ? sandboxV2Credential(sandbox, name) : sandboxCredential(sandbox, 'json', name);
}

export interface SingleNodeWorkflowOptions {
	name: string;
	/** The node under test; it gets an id and position here. */
	node: Omit<WorkflowNode, 'id' | 'position'>;
}

/**
 * Manual Trigger -> the node under test: `n8n execute` starts a workflow at its Manual Trigger, so
 * every workflow run from the CLI needs one.
 */
export function manualWorkflow({ name, node }: SingleNodeWorkflowOptions): WorkflowImport {
	const trigger: WorkflowNode = {
		id: nodeId(),
		name: 'Manual Trigger',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		id: n8nId(),
		name,
		nodes: [trigger, { ...node, id: nodeId(), position: [240, 0] }],
		connections: { [trigger.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** The `credentials` entry of a node that uses this credential. */
export function usesCredential(credential: CredentialImport): WorkflowNode['credentials'] {
	return { [credential.type]: { id: credential.id, name: credential.name } };
}

/** A node as a test describes it; the workflow builders below give it an id and a position. */
export type WorkflowNodeSpec = Omit<WorkflowNode, 'id' | 'position'>;

/** A polling trigger's `pollTimes` parameter: poll once a minute, n8n's shortest schedule. */
export const POLL_EVERY_MINUTE = Object.freeze({ item: [Object.freeze({ mode: 'everyMinute' })] });

/**
 * Manual Trigger -> nodes[0] -> nodes[1] -> ...: a pipeline `n8n execute` runs from its Manual
 * Trigger. Node names must be unique: expressions such as `$('Create Invoice')` refer to them.
 */
export function manualChainWorkflow({ name, nodes }: { name: string; nodes: WorkflowNodeSpec[] }): WorkflowImport {
	const names = new Set(['Manual Trigger', ...nodes.map((node) => node.name)]);
	if (names.size !== nodes.length + 1) throw new Error(`node names must be unique in "${name}"`);
	const trigger: WorkflowNode = {
		id: nodeId(),
		name: 'Manual Trigger',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const chain: WorkflowNode[] = [
		trigger,
		...nodes.map((node, index): WorkflowNode => ({ ...node, id: nodeId(), position: [240 * (index + 1), 0] })),
	];
	const connections: WorkflowImport['connections'] = {};
	for (let index = 0; index + 1 < chain.length; index++) {
		connections[chain[index].name] = { main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id: n8nId(), name, nodes: chain, connections, settings: { executionOrder: 'v1' }, active: false };
}

/**
 * A workflow made of one polling trigger and nothing else: no Manual Trigger and no other
 * trigger, so every execution of it was started by a poll that emitted items. Publish it and
 * start a server to have it polled.
 */
export function pollingTriggerWorkflow({ name, trigger }: { name: string; trigger: WorkflowNodeSpec }): WorkflowImport {
	return {
		id: n8nId(),
		name,
		nodes: [{ ...trigger, id: nodeId(), position: [0, 0] }],
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

function nodeId(): string {
	const hex = randomBytes(16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
