import { requireEmailList } from '../../../nodes/HarvestInvoicing/shared/emails';
import { NODE } from '../resources/fakeContext';

describe('requireEmailList', () => {
	const recipients = (value: unknown) => requireEmailList(NODE, 'Recipients', value, 0);

	it('accepts ordinary addresses, subdomains and plus tags', () => {
		expect(recipients('a.b+invoices@mail.example.co.uk, x@y.io')).toEqual(['a.b+invoices@mail.example.co.uk', 'x@y.io']);
	});

	it('drops empty entries and repeated addresses, keeping the first spelling', () => {
		expect(recipients(['Ann@Example.com', '', 'ann@example.com;', null])).toEqual(['Ann@Example.com']);
	});

	it.each([['ann@'], ['@example.com'], ['ann@example'], ['ann example.com'], ['<ann@example.com>']])(
		'refuses %s',
		(value) => {
			expect(() => recipients(value)).toThrow(`(not an email address: "${value}")`);
		},
	);

	it.each([[''], [[]], [undefined], [' ; ']])('refuses an empty list (%j)', (value) => {
		expect(() => recipients(value)).toThrow('Recipients needs at least one email address');
	});
});
