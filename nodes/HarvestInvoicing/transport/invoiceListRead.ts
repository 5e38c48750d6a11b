import type { IExecuteFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { requireUsableCredential } from './credentialCheck';
import { harvestCredentialType } from './credentialType';
import { dialectOf } from './dialect';
import { walkInvoiceItems } from './invoiceListWalk';
import type { InvoiceListFilters } from './operationRequest';
import { harvestBudget } from './rateBudget';
import { harvestApiAddress } from './apiAddress';
import { accountDecimalSymbol } from './reads';
import { withHarvestRetries } from './retry';

/**
 * Invoice > Get Many for one input item, as the node's own operation (see
 * resources/invoice/getAllOperation.ts): the same translation, page walk, retries, budget and
 * decoding as the routed operation (declarativeHooks.ts), with the pages sent from the
 * IExecuteFunctions context instead of through n8n's routing.
 */
export async function readInvoiceList(
	this: IExecuteFunctions,
	itemIndex: number,
	filters: InvoiceListFilters,
	limit: number,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const credentialType = harvestCredentialType(this);
	const credentials = await this.getCredentials(credentialType, itemIndex);
	requireUsableCredential(node, credentials, itemIndex);
	const dialect = dialectOf(credentials);
	const wire = await dialect.translate(
		{ operation: 'invoice:getAll', ids: {}, filters },
		{ node, itemIndex, today: dialect.today(credentials), currentInvoice: async () => ({}) },
	);
	const answer = { context: this, credentials, readDecimalSymbol: async () => await accountDecimalSymbol.call(this) };
	const pairedItem = { item: itemIndex };
	const readPage = async (qs: typeof wire.qs) =>
		await withHarvestRetries(
			async (call) => {
				const options = { ...dialect.httpOptions(credentials, { ...wire, qs }), returnFullResponse: true };
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, options)) as IN8nHttpFullResponse;
				// The answer is in: the deadline stops and the budget slot is released before any extra read.
				call.answered();
				const { decoded } = await dialect.decodeAnswer(answer, response, wire);
				// With how the answer was paged, which tells the walk where the list ends (see pageWalk.ts).
				const { perPage, morePages } = decoded;
				return { records: decoded.records.map((json) => ({ json, pairedItem })), perPage, morePages };
			},
			{ node, method: 'GET', budget: harvestBudget(credentials), address: harvestApiAddress(credentials) },
		);
	return await walkInvoiceItems({ node, credentials, wire, limit, readPage });
}
