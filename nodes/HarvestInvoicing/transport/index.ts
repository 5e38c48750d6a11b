/**
 * Everything Harvest-v1-specific on the wire lives in this folder: host and auth, JSON/XML codec,
 * wrappers, pagination, throttling and error mapping. Node descriptions only name fields.
 */
export { harvestBaseUrl, harvestSubdomain, harvestAuthorization } from './connection';
export { decodeHarvestItems, fetchInvoicePages, prepareHarvestRequest, sendHarvestRequest } from './declarativeHooks';
export { decodeHarvestResponse } from './decodeItems';
export { harvestApiError, harvestErrorMessage, type HarvestHttpResponse } from './errors';
export { withInvoiceExtras } from './invoiceExtras';
export { idFromLocation } from './location';
export { harvestRoutingWithHooks, type OperationHooks } from './operationRouting';
export { decodeHarvestBody, type DecodedBody, type RecordKind } from './records';
export { CREDENTIAL_NAME, PAGE_SIZE, harvestListAll, harvestRequest, type HarvestRequest } from './request';
export { harvestRouting, type HarvestRoute } from './routing';
export { withHarvestRetries } from './retry';
export { dataFormatOf, wireHeaders, type DataFormat } from './wireFormat';
export { decodeXml, encodeXml } from './xmlCodec';
