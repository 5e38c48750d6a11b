import type { IDataObject } from 'n8n-workflow';

import { v1InvoiceView } from '../../../nodes/HarvestInvoicing/transport/v1/invoiceView';
import { pickSample, samplePreviousState, sampleQueries } from '../../../nodes/HarvestInvoicing/trigger/sample';

/** The trigger reads invoices as its dialect's views: these are classic records. */
const view = (record: IDataObject) => v1InvoiceView(record);

const invoice = (id: number, state: string, updatedAt: string, createdAt = '2026-01-01T00:00:00Z') =>
	view({
		id,
		state,
		updated_at: updatedAt,
		created_at: createdAt,
	});

describe('Fetch Test Event sample', () => {
	it('asks for the states the chosen events lead to, claiming no previous state', () => {
		expect(sampleQueries({ events: ['paid', 'newInvoice', 'overdue'], includePayments: false })).toEqual([
			{ event: 'paid', status: 'paid', state: 'paid' },
			{ event: 'newInvoice' },
			{ event: 'overdue', status: 'pastdue' },
		]);
		expect(sampleQueries({ events: ['stateChanged'], stateChangedTo: ['closed'], includePayments: false })).toEqual([
			{ event: 'stateChanged', status: undefined, state: 'closed' },
		]);
	});

	it('picks the invoice in the state that changed last; for New Invoice the one created last', () => {
		const page = [
			invoice(1, 'paid', '2026-05-01T10:00:00Z', '2026-05-01T00:00:00Z'),
			invoice(2, 'open', '2026-05-09T10:00:00Z'),
			invoice(3, 'paid', '2026-05-03T10:00:00Z', '2026-04-01T00:00:00Z'),
		];
		expect(pickSample({ event: 'paid', state: 'paid' }, page)?.id).toBe(3);
		expect(pickSample({ event: 'newInvoice' }, page)?.id).toBe(1);
		expect(pickSample({ event: 'writtenOff', state: 'closed' }, page)).toBeUndefined();
	});

	it('keeps the first listed on a tie or without timestamps', () => {
		expect(pickSample({ event: 'paid', state: 'paid' }, [view({ id: 7, state: 'paid' }), view({ id: 8, state: 'paid' })])?.id).toBe(7);
	});

	it('claims a previous state only for Invoice Overdue, which keeps the state', () => {
		expect(samplePreviousState({ event: 'overdue' }, view({ state: 'partial' }))).toBe('partial');
		expect(samplePreviousState({ event: 'paid', state: 'paid' }, view({ state: 'paid' }))).toBeNull();
	});
});
