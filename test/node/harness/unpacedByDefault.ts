import { setHarvestRateLimit } from '../../../nodes/HarvestInvoicing/transport/rateBudget';

// Most sandboxes in tests run without Harvest's throttle, and a test walking 10,000 invoices must
// not wait out 15-second windows. Tests about pacing set the limit their sandbox enforces.
setHarvestRateLimit(false);
