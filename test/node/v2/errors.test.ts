import type { INodeExecutionData } from 'n8n-workflow';

import { HarvestInvoicing } from '../../../nodes/HarvestInvoicing/HarvestInvoicing.node';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runDeclarativeNode, sandboxV2Credentials } from '../harness';
import { openInvoice } from '../operationKit';
import { byId, calls, v2Runner } from './v2Run';

type ShownError = Error & { description?: string; httpCode?: string };

/** Everything n8n would show or store about an error. */
const shown = (error: ShownError) => [error.message, error.description ?? '', JSON.stringify(error)].join('\n');

async function failureOf(promise: Promise<INodeExecutionData[]>): Promise<ShownError> {
	const outcome = await promise.then(
		() => undefined,
		(error: unknown) => error as ShownError,
	);
	if (!outcome) throw new Error('expected the node to fail');
	return outcome;
}

describe('Harvest API v2: errors a user sees', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = v2Runner(sandbox);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const withCredentials = (overrides: Record<string, string>, parameters: Record<string, unknown>) =>
		runDeclarativeNode(new HarvestInvoicing(), {
			parameters: { resource: 'invoice', ...parameters },
			credentials: sandboxV2Credentials(sandbox, overrides),
		});

	it('a wrong token is a 401 that never shows the token', async () => {
		const token = 'wrong-personal-token-123';
		const error = await failureOf(withCredentials({ personalAccessToken: token }, { operation: 'getAll', returnAll: true }));
		expect(error.message).toContain('Harvest refused the credentials: check the Personal Access Token');
		expect(shown(error)).toMatch(/401/);
		expect(shown(error)).not.toContain(token);
		expect(shown(error)).not.toContain(sandbox.login.personalAccessToken);
	});

	it('a wrong account id is a 403 naming the account, never the token', async () => {
		const error = await failureOf(withCredentials({ accountId: '999' }, { operation: 'getAll', returnAll: true }));
		expect(shown(error)).toMatch(/403/);
		expect(error.message).toContain('the Account ID is not one its token can reach');
		expect(shown(error)).toContain('999');
		expect(shown(error)).not.toContain(sandbox.login.personalAccessToken);
	});

	it("a 422 shows Harvest's message", async () => {
		const taken = [...sandbox.store.invoices.values()][0].number;
		const clientId = [...sandbox.store.clients.keys()][0];
		const error = await failureOf(
			run('invoice', 'create', {
				clientId: String(clientId),
				kind: 'free_form',
				lineItems: { lineItem: [{ kind: 'Service', description: 'Design', quantity: 1, unitPrice: 10 }] },
				additionalFields: { number: taken },
			}),
		);
		expect(error.message).toContain('Harvest could not accept the data (HTTP 422)');
		expect(error.description).toMatch(/Number/i);
		expect(calls(sandbox)).toEqual(['POST /v2/invoices']);
	});

	it('refuses bad input before any request', async () => {
		await expect(run('invoice', 'get', { invoiceId: byId('12a') })).rejects.toThrow('Invoice must be a Harvest ID');
		await expect(run('payment', 'getAll', { invoiceId: byId('12/payments'), returnAll: true })).rejects.toThrow(/Harvest ID/);
		await expect(run('invoice', 'getAll', { returnAll: true, filters: { clientId: 'Acme' } })).rejects.toThrow(/Client must be a Harvest ID/);
		expect(sandbox.requests()).toHaveLength(0);
	});
});

describe('Harvest API v2: the invoices feature switched off', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false, invoicesModule: false });
	});
	afterAll(async () => await sandbox.stop());

	it('says so instead of "no such invoice"', async () => {
		const error = await failureOf(v2Runner(sandbox)('invoice', 'getAll', { returnAll: true }));
		expect(shown(error)).toMatch(/403/);
		expect(shown(error)).toMatch(/invoices feature is not enabled/i);
	});
});

describe('Harvest API v2: the 429 throttle', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	it('is waited out, and every write is made exactly once', async () => {
		const invoiceId = await openInvoice(sandbox);
		// A small budget (the node's own pacing is off in tests), so eight payments must meet a 429.
		sandbox.setThrottle({ limit: 5, windowSeconds: 2 });
		const items = Array.from({ length: 8 }, (_, index) => ({ json: { amount: index + 1 } }));
		const output = await v2Runner(sandbox)(
			'payment',
			'create',
			{ invoiceId: byId(invoiceId), amount: '={{ $json.amount }}', paidAt: '2026-06-10' },
			{ items },
		);
		expect(output.map((item) => item.json.amount)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		const posts = sandbox.requests().filter((request) => request.method === 'POST');
		expect(posts.some((request) => request.status === 429)).toBe(true);
		expect(posts.filter((request) => request.status === 201)).toHaveLength(8);
		expect(sandbox.store.paymentsOf(invoiceId).map((payment) => payment.amount).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	}, 60_000);
});
