import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { HarvestInvoicingTrigger } from '../../../nodes/HarvestInvoicing/HarvestInvoicingTrigger.node';
import type { TriggerEvent } from '../../../nodes/HarvestInvoicing/trigger/types';
import type { Sandbox } from '../../sandbox';
import { harvest, idFromLocation, type HarvestClient, type SandboxAddress } from '../../sandbox/testing/client';
import { createPoller } from '../harness';
import { V1_JSON, type Wire } from './wires';

export interface TriggerParameters {
	events: TriggerEvent[];
	clientId?: number;
	includePayments?: boolean;
	stateChangedTo?: string[];
	/** The API and format the credential chooses; v1 JSON when unset. */
	wire?: Wire;
	/** The poll budget n8n offers (2.41's durable scheduler); none when unset. */
	pollBudgetMs?: number;
}

/**
 * The trigger as an active workflow runs it: polls through n8n-core's PollContext with the real
 * credential against the sandbox. Static data is kept between polls in memory; `saved` is what
 * n8n would have written to its database (at activation and whenever a poll starts an execution),
 * and `restart()` continues from that, as n8n does after a restart.
 */
export class ActiveTrigger {
	private poller: ReturnType<typeof createPoller>;
	saved: string;

	constructor(
		// Only the address and login: the sandbox may run in another process (benchmarks).
		private readonly sandbox: SandboxAddress,
		private readonly parameters: TriggerParameters,
	) {
		this.poller = this.newPoller({});
		this.saved = '{}';
	}

	private newPoller(staticData: IDataObject) {
		const { events, clientId, includePayments, stateChangedTo, wire = V1_JSON, pollBudgetMs } = this.parameters;
		const parameters: INodeParameters = {
			events,
			filters: clientId ? { clientId: String(clientId) } : {},
			options: { ...(includePayments ? { includePayments } : {}), ...(stateChangedTo ? { stateChangedTo } : {}) },
		};
		return createPoller(new HarvestInvoicingTrigger(), {
			parameters,
			credentials: wire.credentials(this.sandbox),
			staticData,
			pollBudgetMs,
		});
	}

	/** The first poll after activation: n8n saves static data right after it. */
	async activate(): Promise<INodeExecutionData[][] | null> {
		const result = await this.poller.poll('trigger', 'activate');
		this.saved = JSON.stringify(this.poller.staticData);
		return result;
	}

	async poll(): Promise<INodeExecutionData[][] | null> {
		const result = await this.poller.poll('trigger', 'init');
		if (result) this.saved = JSON.stringify(this.poller.staticData);
		return result;
	}

	/** "Fetch Test Event" in the editor. */
	async manual(): Promise<INodeExecutionData[][] | null> {
		return await this.poller.poll('manual', 'manual');
	}

	restart(): void {
		this.poller = this.newPoller(JSON.parse(this.saved) as IDataObject);
	}

	/** What the trigger keeps in its node's static data (n8n stores it under `node:<name>`). */
	stored(): IDataObject {
		const data = this.poller.staticData;
		const key = Object.keys(data).find((name) => name.startsWith('node:'));
		return key ? (data[key] as IDataObject) : {};
	}
}

/** `event:invoiceId` (and `:paymentId` for payments) for each item, in output order. */
export function eventsOf(result: INodeExecutionData[][] | null): string[] {
	return (result?.[0] ?? []).map(({ json }) => {
		const payment = json.payment as IDataObject | undefined;
		return `${String(json.event)}:${String(json.id)}${payment ? `:${String(payment.id)}` : ''}`;
	});
}

/** Requests the trigger sent (GET only: the test's own writes are not counted). */
export function triggerRequests(sandbox: Sandbox): string[] {
	return sandbox
		.requests()
		.filter((request) => request.method === 'GET')
		.map((request) => {
			const query = new URLSearchParams(request.query as Record<string, string>).toString();
			return `${request.path}${query ? `?${query}` : ''}`;
		});
}

/** The changes a Harvest user makes, through the sandbox's API; each one fails the test if refused. */
export function harvestUser(sandbox: Sandbox) {
	const api: HarvestClient = harvest(sandbox);
	const ok = async (response: Promise<{ status: number; text: string }>, what: string) => {
		const answer = await response;
		if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text}`);
		return answer;
	};
	return {
		async createDraft(fields: IDataObject = {}): Promise<number> {
			const clientId = fields.client_id ?? [...sandbox.store.clients.keys()][0];
			const response = await ok(
				api.post('/invoices', {
					invoice: {
						client_id: clientId,
						csv_line_items: 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nService,Work,10,100,1000,false,false,\n',
						...fields,
					},
				}),
				'create invoice',
			);
			return idFromLocation(response as Parameters<typeof idFromLocation>[0]);
		},
		send: (id: number) => ok(api.post(`/invoices/${id}/messages/mark_as_sent`, {}), 'mark_as_sent'),
		toDraft: (id: number) => ok(api.post(`/invoices/${id}/messages/mark_as_draft`, {}), 'mark_as_draft'),
		close: (id: number) => ok(api.post(`/invoices/${id}/messages/mark_as_closed`, {}), 'mark_as_closed'),
		reopen: (id: number) => ok(api.post(`/invoices/${id}/messages/re_open`, {}), 're_open'),
		async pay(id: number, amount: number): Promise<number> {
			const response = await ok(
				api.post(`/invoices/${id}/payments`, { payment: { amount, paid_at: sandbox.now().toISOString().slice(0, 10) } }),
				'payment',
			);
			return idFromLocation(response as Parameters<typeof idFromLocation>[0]);
		},
		deletePayment: (id: number, paymentId: number) => ok(api.delete(`/invoices/${id}/payments/${paymentId}`), 'delete payment'),
		update: (id: number, fields: IDataObject) => ok(api.put(`/invoices/${id}`, { invoice: fields }), 'update invoice'),
		deleteInvoice: (id: number) => ok(api.delete(`/invoices/${id}`), 'delete invoice'),
	};
}

export type HarvestUser = ReturnType<typeof harvestUser>;

export const MINUTE = 60_000;
export const DAY = 86_400_000;
