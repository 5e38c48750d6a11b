import { startSandbox, type Sandbox } from '../../sandbox';
import { openInvoice } from '../operationKit';
import { byId, received, v2Runner } from './v2Run';

// v2 only: v1 has one paid_at for a day or a moment; v2 sends a day as paid_date (test/node/payment,
// every wire) and a moment as paid_at, never both.
describe('Harvest API v2: Payment > Create at a moment', () => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof v2Runner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = v2Runner(sandbox);
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	it('records a payment at a moment with paid_at, never both', async () => {
		const invoiceId = await openInvoice(sandbox);
		const [item] = await run('payment', 'create', { invoiceId: byId(invoiceId), amount: 1000, paidAt: '2026-06-12T14:30:00Z' });
		expect(received(sandbox).find((request) => request.method === 'POST')!.body).toEqual({ amount: 1000, paid_at: '2026-06-12T14:30:00Z' });
		expect(sandbox.store.paymentsOf(invoiceId)[0]).toMatchObject({ amount: 1000, paidAt: '2026-06-12T14:30:00Z' });
		expect(item.json).toMatchObject({ amount: 1000, invoice_state: 'paid', invoice_due_amount: 0 });
	});
});
