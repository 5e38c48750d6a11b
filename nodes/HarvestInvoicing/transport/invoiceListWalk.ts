import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { dialectOf, type WireRequest } from './dialect';
import { walkInvoiceList, type ListPage } from './pageWalk';

export interface InvoiceListWalk {
	node: INode;
	credentials: ICredentialDataDecryptedObject;
	/** The translated Get Many request: its query is the walk's base query, its `keep` the records to return. */
	wire: WireRequest | undefined;
	/** Stop once this many invoices are in hand (Infinity for Return All). */
	limit: number;
	/** Sends one page's query (already in the API's form) and answers that page's items, with how it was paged when the API says. */
	readPage: (qs: IDataObject) => Promise<INodeExecutionData[] | ListPage<INodeExecutionData>>;
}

/**
 * Invoice > Get Many's walk over the list, whichever way its pages are sent (n8n's routing or the
 * node's own operation): the same query, page form, kept records, limit and "list never settled" error.
 */
export async function walkInvoiceItems(walk: InvoiceListWalk): Promise<INodeExecutionData[]> {
	const { node, credentials, wire } = walk;
	const dialect = dialectOf(credentials);
	const unsettled = (message: string) =>
		new NodeOperationError(node, message, {
			description: 'Invoices were being created or deleted faster than they could be read. Try again in a moment.',
		});
	return await walkInvoiceList(async (qs) => await walk.readPage(dialect.pageQuery(qs)), wire?.qs ?? {}, (entry) => entry.json, {
		limit: walk.limit,
		unsettled,
		spelling: dialect.list,
		keep: dialect.listKeep(credentials, wire),
	});
}
