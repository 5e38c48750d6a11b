import { applyInvoiceListFilters } from '../../../nodes/HarvestInvoicing/resources/invoice/hooks/listFilters';
import { v1ListQuery } from '../../../nodes/HarvestInvoicing/transport/v1/listQuery';
import { fakeSingleContext } from './fakeContext';

const run = async (qs: Record<string, unknown>, timezone = 'UTC') => {
	const { context } = fakeSingleContext({ timezone });
	const options = await applyInvoiceListFilters.call(context, { url: '/invoices', qs: qs as never });
	// Pinned as the classic API gets them.
	return { ...options, qs: v1ListQuery(options.qs as never) };
};

describe('applyInvoiceListFilters (Invoice > Get Many preSend)', () => {
	it("writes the filters the way Harvest v1 reads them", async () => {
		const options = await run({
			status: 'pastdue',
			clientId: '1001',
			issuedFrom: '2026-01-01T00:00:00',
			issuedTo: '2026-03-31',
			updatedSince: '2026-05-01T14:30:00',
		}, 'Europe/Berlin');
		expect(options.qs).toEqual({
			status: 'pastdue',
			client: '1001',
			from: '20260101',
			to: '20260331',
			updated_since: '2026-05-01 14:30',
		});
		expect(options.url).toBe('/invoices');
	});

	it('reads Updated Since without an offset as UTC whatever the workflow time zone: a bare date is 00:00 UTC', async () => {
		expect((await run({ updatedSince: '2026-05-01' }, 'America/Los_Angeles')).qs).toEqual({ updated_since: '2026-05-01 00:00' });
		expect((await run({ status: 'closed' })).qs).toEqual({ status: 'closed' });
	});

	it('leaves out filters added but left empty, and sends nothing without filters', async () => {
		expect((await run({ status: '', clientId: '', issuedFrom: '' })).qs).toEqual({});
		expect((await run({})).qs).toEqual({});
	});

	it.each([
		[{ status: 'late' }, /Status must be one of open, partial, draft, paid, closed, unpaid, pastdue/],
		[{ clientId: 'Acme' }, /Client must be a Harvest ID/],
		[{ issuedFrom: '01/02/2026' }, /Issued From must be a date/],
		[{ issuedFrom: '2026-05-02', issuedTo: '2026-05-01' }, /Issued To \(2026-05-01\) is before Issued From \(2026-05-02\)/],
		[{ updatedSince: 'last week' }, /Updated Since must be a date, or a date and time in UTC/],
	])('refuses %j before any request', async (qs, message) => {
		await expect(run(qs)).rejects.toThrow(message);
	});
});
