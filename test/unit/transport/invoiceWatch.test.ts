import { v1InvoiceView } from '../../../nodes/HarvestInvoicing/transport/v1/invoiceView';
import { v1WatchQuery } from '../../../nodes/HarvestInvoicing/transport/v1/watchQuery';
import { v2InvoiceView } from '../../../nodes/HarvestInvoicing/transport/v2/invoiceView';
import { v2WatchQuery } from '../../../nodes/HarvestInvoicing/transport/v2/watchQuery';

/** 2026-06-15 as a day number, and 2026-06-15T11:59:00Z as an instant. */
const DAY = Date.parse('2026-06-15T00:00:00Z') / 86_400_000;
const MINUTE = Date.parse('2026-06-15T11:59:00Z');

describe("the trigger's list filters in each API's words (issue 9)", () => {
	const filters = { clientId: '42', page: 1, status: 'pastdue' as const, updatedSinceMs: MINUTE, issuedFromDay: DAY - 1, issuedToDay: DAY };

	it('v1: client, status, YYYYMMDD days and a UTC minute, in the order the trigger has always sent them', () => {
		const { qs, keep } = v1WatchQuery(filters);
		expect(Object.entries(qs)).toEqual([
			['client', '42'],
			['page', 1],
			['status', 'pastdue'],
			['updated_since', '2026-06-15 11:59'],
			['from', '20260614'],
			['to', '20260615'],
		]);
		expect(keep).toBeUndefined();
	});

	it("v2: client_id, state with what to keep, ISO days and datetime, no page size (the read adds it after the walk's page)", () => {
		const { qs, keep } = v2WatchQuery({}, filters);
		expect(Object.entries(qs)).toEqual([
			['client_id', '42'],
			['page', 1],
			['state', 'open'],
			['updated_since', '2026-06-15T11:59:00Z'],
			['from', '2026-06-14'],
			['to', '2026-06-15'],
		]);
		expect(keep).toBeInstanceOf(Function);
		expect(v2WatchQuery({}, { status: 'paid' })).toEqual({ qs: { state: 'paid' }, keep: undefined });
	});
});

describe('invoices as the trigger reads them (issue 9)', () => {
	it('v1: its own state and dates, amounts in cents, instants in milliseconds', () => {
		const record = {
			id: 7,
			state: 'partial',
			issued_at: '2026-06-14',
			due_at: '2026-06-15',
			amount: '100.5',
			due_amount: 50,
			created_at: '2026-06-14T10:00:00Z',
			updated_at: '2026-06-15T11:59:00Z',
		};
		expect(v1InvoiceView(record)).toEqual({
			record,
			id: 7,
			state: 'partial',
			issuedDay: DAY - 1,
			dueDay: DAY,
			amountCents: 10_050,
			dueAmountCents: 5_000,
			createdAtMs: Date.parse('2026-06-14T10:00:00Z'),
			updatedAtMs: MINUTE,
		});
	});

	it('v2: partly paid told apart from open, the record left as it is', () => {
		const record = { id: 8, state: 'open', issue_date: '2026-06-14', due_date: '2026-06-15', amount: 100, due_amount: 40, updated_at: 'later' };
		const view = v2InvoiceView(record);
		expect(view).toMatchObject({ state: 'partial', issuedDay: DAY - 1, dueDay: DAY, createdAtMs: null, updatedAtMs: null });
		expect(view.record).toBe(record);
		expect(v2InvoiceView({ ...record, due_amount: 100 }).state).toBe('open');
		expect(v2InvoiceView({ ...record, due_amount: 0 }).state).toBe('open');
	});
});
