import { Router } from '../../router';
import type { V2Handler, V2Router } from '../route';
import { registerV2AccountRoutes } from './account';
import { registerV2CategoryRoutes } from './categories';
import { registerV2DirectoryRoutes } from './directory';
import { registerV2InvoiceRoutes } from './invoices';
import { registerV2MessageRoutes } from './messages';
import { registerV2PaymentRoutes } from './payments';

/** Every Harvest v2 route the sandbox answers, under `/v2/`. */
export function buildHarvestV2Router(): V2Router {
	const router = new Router<V2Handler>();
	registerV2InvoiceRoutes(router);
	registerV2MessageRoutes(router);
	registerV2PaymentRoutes(router);
	registerV2CategoryRoutes(router);
	registerV2AccountRoutes(router);
	registerV2DirectoryRoutes(router);
	return router;
}
