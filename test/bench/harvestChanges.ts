/**
 * What a busy Harvest account does between two polls, through the sandbox's v2 API (the store is
 * shared with v1, so both wires see it): drafts sent, partial payments, invoices closed, new drafts.
 */
import { harvestV2, type SandboxAddress } from '../sandbox/testing/client';

interface ListedInvoice {
	id: number;
	client: { id: number };
}

/** Makes `count` changes (a quarter of each kind, rounded up, cut at `count`); returns how many were made. */
export async function makeChanges(sandbox: SandboxAddress, count: number): Promise<number> {
	const api = harvestV2(sandbox);
	const ok = async (answer: Promise<{ status: number; text: string }>, what: string) => {
		const response = await answer;
		if (response.status >= 300) throw new Error(`${what}: ${response.status} ${response.text}`);
	};
	const list = async (state: string, perPage: number): Promise<ListedInvoice[]> =>
		((await api.get(`/invoices?state=${state}&per_page=${perPage}`)).json() as { invoices: ListedInvoice[] }).invoices;
	const share = Math.ceil(count / 4);
	const drafts = await list('draft', share);
	const open = await list('open', 2 * share);
	const clientId = (open[0] ?? drafts[0]).client.id;
	const changes: Array<() => Promise<void>> = [
		...drafts.map((invoice) => () => ok(api.post(`/invoices/${invoice.id}/messages`, { event_type: 'send' }), 'send')),
		...open.slice(0, share).map((invoice) => () => ok(api.post(`/invoices/${invoice.id}/payments`, { amount: 1 }), 'payment')),
		...open.slice(share).map((invoice) => () => ok(api.post(`/invoices/${invoice.id}/messages`, { event_type: 'close' }), 'close')),
	];
	const create = () =>
		ok(api.post('/invoices', { client_id: clientId, line_items: [{ kind: 'Service', description: 'Work', unit_price: 100 }] }), 'create');
	while (changes.length < count) changes.push(create);
	for (const change of changes.slice(0, count)) await change();
	return Math.min(count, changes.length);
}
