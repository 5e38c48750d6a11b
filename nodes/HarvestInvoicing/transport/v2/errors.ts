import type { ErrorSpelling } from '../errors';

/**
 * v2 throttles with 429 only (HARVEST_API_V2.md): its 503 is an outage, retried like any 5xx,
 * and worded as one, not as a throttle.
 */
export const V2_ERRORS: ErrorSpelling = {
	throttleStatus: 429,
	summaries: { 503: 'Harvest is unavailable' },
};
