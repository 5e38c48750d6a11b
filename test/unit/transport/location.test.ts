import { idFromLocation } from '../../../nodes/HarvestInvoicing/transport/location';

describe('id from the Location header', () => {
	it.each([
		[{ location: '/invoices/6763297' }, '6763297'],
		[{ Location: '/invoice/6763297' }, '6763297'],
		[{ location: 'https://acme.harvestapp.com/invoices/6763297' }, '6763297'],
		[{ location: '/invoices/13150403/payments/9876' }, '9876'],
		[{ location: '/invoices/42/' }, '42'],
		[{ location: ['/invoices/7'] }, '7'],
		[{ location: '/invoices/7?x=1' }, '7'],
	])('%j -> %s', (headers, id) => {
		expect(idFromLocation(headers)).toBe(id);
	});

	it.each([[{}], [undefined], [{ location: '' }], [{ location: '/invoices' }], [{ location: '/invoices/abc' }]])(
		'%j -> undefined',
		(headers) => {
			expect(idFromLocation(headers)).toBeUndefined();
		},
	);
});
