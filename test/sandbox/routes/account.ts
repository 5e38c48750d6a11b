import type { Router } from '../router';
import { bareDocument } from '../wire/document';
import { rateLimitRecord, whoAmIRecord } from '../wire/records';

/** Rails writes a bare hash as <hash>...</hash>, which is what Harvest v1 answered for these two. */
export function registerAccountRoutes(router: Router): void {
	router.add('GET', '/account/who_am_i', ({ sandbox }) => ({
		status: 200,
		document: bareDocument('hash', whoAmIRecord(sandbox.store, sandbox.invoicesModule, sandbox.numberFormat)),
	}));

	router.add('GET', '/account/rate_limit_status', ({ sandbox }) => ({
		status: 200,
		document: bareDocument('hash', rateLimitRecord(sandbox.throttle.status())),
	}));
}
