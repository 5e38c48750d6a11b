import { eventItemJson } from '../../../nodes/HarvestInvoicing/trigger/items';
import { sampleQueries } from '../../../nodes/HarvestInvoicing/trigger/sample';
import { transitionEvents } from '../../../nodes/HarvestInvoicing/trigger/transitions';
import { TRIGGER_EVENTS } from '../../../nodes/HarvestInvoicing/trigger/types';
import { T0, invoice, payment } from './fixtures';

describe('transitionEvents', () => {
	it.each([
		['draft', 'open', ['invoiceSent', 'stateChanged']],
		['open', 'partial', ['partiallyPaid', 'stateChanged']],
		['open', 'paid', ['paid', 'stateChanged']],
		['partial', 'paid', ['paid', 'stateChanged']],
		['open', 'closed', ['writtenOff', 'stateChanged']],
		['partial', 'closed', ['writtenOff', 'stateChanged']],
		['closed', 'open', ['reopened', 'stateChanged']],
		['closed', 'partial', ['reopened', 'stateChanged']],
		['open', 'draft', ['backToDraft', 'stateChanged']],
		['paid', 'partial', ['stateChanged']],
		['paid', 'open', ['stateChanged']],
		['partial', 'open', ['stateChanged']],
		['draft', 'paid', ['invoiceSent', 'paid', 'stateChanged']],
		['draft', 'partial', ['invoiceSent', 'partiallyPaid', 'stateChanged']],
		[null, 'draft', []],
		[null, 'open', ['invoiceSent', 'stateChanged']],
		['open', 'open', []],
	] as const)('%s -> %s', (from, to, expected) => {
		expect(transitionEvents(from, to)).toEqual(expected);
	});

	it.each([
		// Harvest takes payments on drafts: a partly paid draft that is now paid got its last payment.
		['draft', 'paid', ['paid', 'stateChanged']],
		// ...one that is now partial was sent; its first part had been paid already.
		['draft', 'partial', ['invoiceSent', 'stateChanged']],
		['draft', 'draft', []],
		// A never-sent invoice whose payments were deleted is a draft again: not "back to draft".
		['paid', 'draft', ['stateChanged']],
	] as const)('a draft that was partly paid before: %s -> %s', (from, to, expected) => {
		expect(transitionEvents(from, to, 40_000)).toEqual(expected);
	});
});

describe('eventItemJson', () => {
	it('puts event and previous_state in front of the invoice and adds the payment', () => {
		const json = eventItemJson({
			event: 'paymentRecorded',
			previousState: 'open',
			invoice: invoice(1, 'partial', { updated: T0 }),
			payment: payment(5, 1, 50, T0),
		});
		expect(Object.keys(json).slice(0, 3)).toEqual(['event', 'previous_state', 'id']);
		expect(json).toMatchObject({ event: 'paymentRecorded', previous_state: 'open', state: 'partial', due_amount: 50, payment: { id: 5 } });
	});
});

describe('sampleQueries', () => {
	it('has a query for every event', () => {
		for (const event of TRIGGER_EVENTS) expect(sampleQueries({ events: [event] }).length).toBeGreaterThan(0);
	});

	it('follows the chosen target states for Any State Change', () => {
		expect(sampleQueries({ events: ['stateChanged'], stateChangedTo: ['closed'] })).toEqual([
			{ event: 'stateChanged', status: undefined, state: 'closed' },
		]);
	});
});
