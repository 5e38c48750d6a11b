import { refuseRedirect, withoutRedirects } from '../../../nodes/HarvestInvoicing/transport/redirects';
import { MAX_RESPONSE_BYTES, refuseOversizedAnswer } from '../../../nodes/HarvestInvoicing/transport/responseLimits';
import { refuseWebPage } from '../../../nodes/HarvestInvoicing/transport/webPage';
import { NODE } from '../resources/fakeContext';

const answer = (statusCode: number, body: unknown, headers: Record<string, string> = {}) => ({ statusCode, headers, body });

describe('refuseRedirect and withoutRedirects', () => {
	it('asks n8n to follow no redirect and never to send the login elsewhere', () => {
		expect(withoutRedirects({ url: '/invoices' })).toEqual({ url: '/invoices', disableFollowRedirect: true, sendCredentialsOnCrossOriginRedirect: false });
	});

	it('names where a 3xx pointed, with secrets taken out of the address', () => {
		expect(() => refuseRedirect(NODE, answer(302, '', { Location: 'https://x.example/?t=tok-1' }), ['tok-1'])).toThrow(
			'Harvest redirected the request to https://x.example/?t=[redacted] (HTTP 302); redirects are not followed',
		);
		expect(() => refuseRedirect(NODE, answer(301, ''))).toThrow('Harvest redirected the request to another address (HTTP 301)');
	});

	it('lets every other status through', () => {
		for (const status of [200, 201, 404, 503]) expect(() => refuseRedirect(NODE, answer(status, ''))).not.toThrow();
	});
});

describe('refuseOversizedAnswer', () => {
	it(`refuses more than ${MAX_RESPONSE_BYTES} bytes, announced or measured`, () => {
		expect(() => refuseOversizedAnswer(NODE, answer(200, '', { 'Content-Length': String(MAX_RESPONSE_BYTES + 1) }))).toThrow(
			'Harvest sent an answer larger than 10 MB, which is not read (HTTP 200)',
		);
		expect(() => refuseOversizedAnswer(NODE, answer(200, 'x'.repeat(MAX_RESPONSE_BYTES + 1)))).toThrow('larger than 10 MB');
		expect(() => refuseOversizedAnswer(NODE, answer(200, { invoice: { notes: 'x'.repeat(MAX_RESPONSE_BYTES) } }))).toThrow('larger than 10 MB');
	});

	it('reads anything up to the limit', () => {
		expect(() => refuseOversizedAnswer(NODE, answer(200, 'x'.repeat(MAX_RESPONSE_BYTES)))).not.toThrow();
		expect(() => refuseOversizedAnswer(NODE, answer(200, { invoice: { id: 1 } }))).not.toThrow();
		expect(() => refuseOversizedAnswer(NODE, answer(200, undefined))).not.toThrow();
	});
});

describe('refuseWebPage', () => {
	it.each([
		['an HTML5 page', '<!DOCTYPE html><html><body>Sign in</body></html>', {}],
		['a page without a doctype', '\n  <html lang="en"><body/></html>', {}],
		['markup labelled text/html', '<div>Maintenance</div>', { 'content-type': 'text/html; charset=utf-8' }],
		['a Buffer', Buffer.from('<html><body/></html>'), {}],
	])('refuses %s', (_case, body, headers) => {
		expect(() => refuseWebPage(NODE, answer(200, body, headers))).toThrow('Harvest answered with a web page instead of data (HTTP 200)');
	});

	it.each([
		['an empty write answer labelled text/html', '', { 'content-type': 'text/html' }],
		['JSON', { invoice: { id: 1 } }, {}],
		['Harvest XML', '<?xml version="1.0"?><invoice/>', { 'content-type': 'application/xml' }],
	])('lets %s through', (_case, body, headers) => {
		expect(() => refuseWebPage(NODE, answer(200, body, headers))).not.toThrow();
	});
});
