/**
 * Everything on the wire lives in this folder. The shared machinery (budget, retries, deadline,
 * redirects, secrets, page walk) serves both APIs; the classic API (v1: host and auth, JSON/XML
 * codec, wrappers) is in this folder's own files, Harvest API v2 in `v2/`, and `apiVersion.ts`
 * tells which one a credential speaks. Node descriptions only name fields.
 */
export { harvestBaseUrl, harvestSubdomain, harvestAuthorization } from './v1/connection';
export { decodeHarvestItems, fetchInvoicePages, prepareHarvestRequest, sendHarvestRequest } from './declarativeHooks';
export { decodeHarvestResponse } from './decodeItems';
export { harvestApiError, harvestErrorMessage, type HarvestHttpResponse } from './errors';
export { withInvoiceExtras } from './v1/invoiceExtras';
export { idFromLocation } from './location';
export { decodeHarvestBody, type DecodedBody, type RecordKind } from './v1/records';
export { PAGE_SIZE, type HarvestRequest } from './request';
export { accountDecimalSymbol, harvestRead, type HarvestRead } from './reads';
export { API_CREDENTIAL_TYPE, HARVEST_ID_SIGN_IN_TYPE, harvestCredentialType } from './credentialType';
export { harvestRouting, type HarvestRoute, type OperationHooks } from './routing';
export { withHarvestRetries } from './retry';
export { dataFormatOf, wireHeaders, type DataFormat } from './v1/wireFormat';
export { decodeXml, encodeXml } from './v1/xmlCodec';
