import type { ErrorSpelling } from '../errors';

/**
 * The classic API throttles with 503 and a Retry-After (HARVEST_API.md): a 503 is its throttle,
 * though a bare one may also come from a proxy after Harvest acted (see errors.ts).
 */
export const V1_ERRORS: ErrorSpelling = { throttleStatus: 503 };
