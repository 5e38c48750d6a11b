import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { harvestCredentialType } from '../credentialType';
import { decodeHarvestResponse } from '../decodeItems';
import type { HarvestHttpResponse } from '../errors';
import { harvestBudget, harvestAccountKey } from '../rateBudget';
import { harvestApiAddress } from '../apiAddress';
import type { DecodedBody } from '../decodedBody';
import { asNodeError, markRequestMethod, withHarvestRetries } from '../retry';
import { companyBaseUri, withV2InvoiceExtras } from './extras';
import { pickedRecord } from './finish';
import { keepInvoice, V2_PAGE_SIZE, type V2InvoiceKeep } from './listQuery';
import { v2Wire, type V2Request } from './index';
import { V2_PREFIX } from './connection';
import { v2ReadRoute } from './reads';
import { PAGE_SIZE } from '../pageWalk';
import type { HarvestRead } from '../reads';
import type { DecimalSymbol } from '../../shared/numberFormat';
import { v2HttpOptions } from './httpOptions';
import { nextPagePath } from './nextPage';
import { serverToday } from '../serverClock';

type HarvestContext = IExecuteFunctions | IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

export { V2_WIRE_HEADERS } from './wireHeaders';


/** One v2 request through the account's budget and the retry rules, decoded. */
async function sendOnce(
	this: HarvestContext,
	credentials: ICredentialDataDecryptedObject,
	wire: { method: V2Request['method']; path: string; qs?: IDataObject; body?: IDataObject },
): Promise<DecodedBody> {
	const node = this.getNode();
	const options: IHttpRequestOptions = { ...v2HttpOptions(credentials, wire), returnFullResponse: true };
	return await withHarvestRetries(
		async (call) => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, harvestCredentialType(this), {
				...options,
				qs: options.qs ? { ...options.qs } : undefined,
			})) as HarvestHttpResponse;
			call.answered();
			try {
				return decodeHarvestResponse(node, credentials, response, wire.path);
			} catch (error) {
				const failure = asNodeError(node, error);
				markRequestMethod(failure, wire.method);
				throw failure;
			}
		},
		{ node, method: wire.method, budget: harvestBudget(credentials), address: harvestApiAddress(credentials) },
	);
}

/** The account's web address, for invoices' client dashboard links. */
export async function v2DashboardBase(this: HarvestContext, credentials: ICredentialDataDecryptedObject): Promise<string | undefined> {
	return await companyBaseUri(harvestAccountKey(credentials), async () => {
		const company = await sendOnce.call(this, credentials, { method: 'GET', path: '/v2/company' });
		return company.records[0];
	});
}

/** Invoices of an answer with their dashboard link (one `/v2/company` read per account, kept). */
export async function withV2Extras(
	this: HarvestContext,
	credentials: ICredentialDataDecryptedObject,
	decoded: DecodedBody,
): Promise<DecodedBody> {
	if (decoded.kind !== 'invoice' || decoded.records.length === 0) return decoded;
	const base = await v2DashboardBase.call(this, credentials);
	return { ...decoded, records: decoded.records.map((invoice) => withV2InvoiceExtras(invoice, base)) };
}

/**
 * A neutral read (see ../reads.ts) on v2: every page of a cursor list followed (`links.next`); the
 * invoice list is paged by its caller (pageWalk).
 */
export async function v2Read(this: HarvestContext, credentials: ICredentialDataDecryptedObject, read: HarvestRead): Promise<DecodedBody> {
	return await v2SendWire.call(this, credentials, v2Wire(v2ReadRoute(read, PAGE_SIZE)));
}

/** The account's decimal symbol: `/v2/company` says it. */
export async function v2DecimalSymbol(this: HarvestContext, credentials: ICredentialDataDecryptedObject): Promise<DecimalSymbol> {
	const { records } = await sendOnce.call(this, credentials, { method: 'GET', path: `${V2_PREFIX}/company` });
	return records[0]?.decimal_symbol === ',' ? ',' : '.';
}

/** A request in v2's words: every page of a cursor list followed but the invoice list's, a picked record, invoice extras. */
async function v2SendWire(this: HarvestContext, credentials: ICredentialDataDecryptedObject, wire: V2Request): Promise<DecodedBody> {
	let decoded = await sendOnce.call(this, credentials, wire);
	const pagedByCaller = wire.path === '/v2/invoices';
	while (decoded.next !== undefined && !pagedByCaller) {
		const next = nextPagePath(this.getNode(), credentials, decoded.next);
		const page = await sendOnce.call(this, credentials, { method: 'GET', path: next.path, qs: next.qs });
		// One push per record: a spread of a whole list can overflow the call stack.
		for (const record of page.records) decoded.records.push(record);
		decoded = { ...page, records: decoded.records };
	}
	if (wire.pick) decoded = pickedRecord(this.getNode(), decoded, wire.pick);
	return await withV2Extras.call(this, credentials, decoded);
}

/** For a list walk over v2 invoices: the records a status v2 cannot filter on means (partly paid, late...). */
export function keepFilter(
	credentials: ICredentialDataDecryptedObject,
	keep: V2InvoiceKeep | undefined,
): ((record: IDataObject) => boolean) | undefined {
	if (keep === undefined) return undefined;
	// Read when the walk filters, i.e. after its first answer told Harvest's date.
	return (record) => keepInvoice(keep, record, serverToday(credentials));
}

export { V2_PAGE_SIZE };
