import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HarvestInvoicing } from '../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import type { Sandbox } from '../sandbox';
import { harvest, type SandboxAddress } from '../sandbox/testing/client';
import { createDraft, createOpen } from '../sandbox/testing/invoices';
import { runDeclarativeNode } from './harness';
import type { Wire } from './wires';

/**
 * Shared by the Message, Payment and Category node tests: run one operation of the real node
 * against the sandbox, and read back what the sandbox received.
 */
export { EACH_WIRE, V1_JSON, V1_XML, V2, WIRES, type Wire } from './wires';

/** The invoice picker's value in "By ID" mode, as n8n stores a resource locator. */
export function byId(id: number | string): INodeParameters {
	return { __rl: true, mode: 'id', value: String(id) };
}

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	typeVersion?: number;
}

export function operationRunner(sandbox: SandboxAddress, resource: string, wire: Wire) {
	return async (operation: string, parameters: INodeParameters, options: RunOptions = {}) =>
		await runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { resource, operation, ...parameters },
			credentials: wire.credentials(sandbox),
			...options,
		});
}

/**
 * Method, path and parsed body (snake_case keys, typed, either format) of each request received.
 * Leaves out v2's `/v2/company` read: the node reads it once per account and keeps it, so whether
 * a test sees it depends on the tests before it (test/node/v2/lifecycle.test.ts checks it).
 */
export function received(sandbox: Sandbox): Array<{ method: string; path: string; body: unknown }> {
	return sandbox
		.requests()
		.filter((request) => request.path !== '/v2/company')
		.map(({ method, path, body }) => ({ method, path, body }));
}

/** A sent invoice of 1000.00 (state open, or partial/paid with the payments given), log cleared. */
export async function openInvoice(sandbox: Sandbox, payments: number[] = []): Promise<number> {
	const id = await createOpen(sandbox, harvest(sandbox), payments);
	sandbox.clearRequests();
	return id;
}

/** A draft invoice of 1000.00, log cleared. */
export async function draftInvoice(sandbox: Sandbox): Promise<number> {
	const id = await createDraft(sandbox, harvest(sandbox));
	sandbox.clearRequests();
	return id;
}
