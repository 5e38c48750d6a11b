import type { INode } from 'n8n-workflow';

import { nextPagePath } from '../../../nodes/HarvestInvoicing/transport/v2/nextPage';

const node = { name: 'Harvest Invoicing', type: 'harvestInvoicing', typeVersion: 1 } as INode;
const credentials = { apiVersion: 'v2', accountId: '1234567', personalAccessToken: 'tok', baseUrl: '' };

// links.next is a full address from the answer: only the credential's own origin is followed,
// and only as a path and query, so the token can go nowhere else.
describe('nextPagePath', () => {
	it('takes the path and query of a link on Harvest\'s own host', () => {
		expect(nextPagePath(node, credentials, 'https://api.harvestapp.com/v2/invoice_item_categories?cursor=abc&per_page=2000&ref=next')).toEqual({
			path: '/v2/invoice_item_categories',
			qs: { cursor: 'abc', per_page: '2000', ref: 'next' },
		});
	});

	it.each([
		['another host', 'https://evil.example/v2/invoices?page=2', 'another host (https://evil.example)'],
		['another scheme', 'http://api.harvestapp.com/v2/invoices?page=2', 'another host (http://api.harvestapp.com)'],
		['another port', 'https://api.harvestapp.com:8443/v2/invoices', 'another host (https://api.harvestapp.com:8443)'],
		['a look-alike host', 'https://api.harvestapp.com.evil.example/v2/invoices', 'another host (https://api.harvestapp.com.evil.example)'],
		['a protocol-relative link', '//evil.example/v2/invoices', 'another host (https://evil.example)'],
	])('refuses a link to %s, naming its origin only', (_case, link, where) => {
		expect(() => nextPagePath(node, credentials, link)).toThrow(`Harvest's next page link points to ${where}; it was not followed`);
	});

	it('follows a Custom Base URL\'s origin, not Harvest\'s', () => {
		const sandbox = { ...credentials, baseUrl: 'http://127.0.0.1:3210' };
		expect(nextPagePath(node, sandbox, 'http://127.0.0.1:3210/v2/invoices?page=2').path).toBe('/v2/invoices');
		expect(() => nextPagePath(node, sandbox, 'https://api.harvestapp.com/v2/invoices?page=2')).toThrow('another host');
	});
});
