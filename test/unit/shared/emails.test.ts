import { requireEmailList, requireHeaderText } from '../../../nodes/HarvestInvoicing/shared/emails';
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

describe('requireEmailList and control characters', () => {
	it.each([['ann@example.com\u0000'], ['ann@exam\u0007ple.com'], [['ann@example.com\u001b']]])('refuses %j, showing the address without it', (value) => {
		expect(() => requireEmailList(NODE, 'Recipients', value, 0)).toThrow(/^Recipients contains a control character \(U\+00(00|07|1B)\) in the address "ann@example\.com"$/);
	});
});

describe('requireHeaderText', () => {
	const subject = (value: unknown) => requireHeaderText(NODE, 'Subject', value, 0);

	it('keeps one line of text, tabs included, and lets an absent value through', () => {
		expect(subject('Invoice 7\tfor June — €')).toBe('Invoice 7\tfor June — €');
		expect(subject(undefined)).toBeUndefined();
	});

	it.each([
		['a\rb', 'a line break (U+000D) at position 2'],
		['a\nb', 'a line break (U+000A) at position 2'],
		['ab\u0000', 'a control character (U+0000) at position 3'],
		['\u007f', 'a control character (U+007F) at position 1'],
	])('refuses %j', (value, where) => {
		expect(() => subject(value)).toThrow(`Subject must be a single line: it contains ${where}`);
	});
});
