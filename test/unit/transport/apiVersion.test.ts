import { apiVersionOf } from '../../../nodes/HarvestInvoicing/transport/apiVersion';

describe('apiVersionOf: which API a credential speaks', () => {
	it('is v2 for a new credential (n8n fills in the default) and for one with a personal access token', () => {
		expect(apiVersionOf({ apiVersion: 'v2', personalAccessToken: 'pat', accountId: '1', subdomain: '' })).toBe('v2');
		expect(apiVersionOf({ apiVersion: 'v2', personalAccessToken: '', accountId: '' })).toBe('v2');
	});

	it('is v1 when chosen', () => {
		expect(apiVersionOf({ apiVersion: 'v1', personalAccessToken: 'pat' })).toBe('v1');
	});

	it('keeps a credential saved before the choice existed on the classic API', () => {
		// n8n reads it with the default filled in: v2, but no token and a classic login.
		expect(apiVersionOf({ apiVersion: 'v2', subdomain: 'acme', email: 'ann@example.com', password: 'x' })).toBe('v1');
		expect(apiVersionOf({ subdomain: '', authentication: 'accessToken', accessToken: 'tok' })).toBe('v1');
	});
});
