import { Router } from '../router';
import { registerAccountRoutes } from './account';
import { registerCategoryRoutes } from './categories';
import { registerDirectoryRoutes } from './directory';
import { registerInvoiceRoutes } from './invoices';
import { registerMessageRoutes } from './messages';
import { registerPaymentRoutes } from './payments';

/** Every Harvest route the sandbox answers (the `/__sandbox/` control routes live in control.ts). */
export function buildHarvestRouter(): Router {
	const router = new Router();
	registerInvoiceRoutes(router);
	registerMessageRoutes(router);
	registerPaymentRoutes(router);
	registerCategoryRoutes(router);
	registerAccountRoutes(router);
	registerDirectoryRoutes(router);
	return router;
}
