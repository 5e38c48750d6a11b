import { companyV2, userV2 } from '../records';
import type { V2Router } from '../route';

/** Who the token is and what the account can use; both answer with the invoices module off too. */
export function registerV2AccountRoutes(router: V2Router): void {
	router.add('GET', '/v2/users/me', ({ sandbox }) => ({ status: 200, json: userV2(sandbox.store) }));
	router.add('GET', '/v2/company', ({ sandbox }) => ({ status: 200, json: companyV2(sandbox) }));
}
