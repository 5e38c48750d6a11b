import { NodeOperationError } from 'n8n-workflow';

import { requireUsableCredential } from '../../../nodes/HarvestInvoicing/transport/credentialCheck';
import { NODE } from '../resources/fakeContext';

describe('requireUsableCredential', () => {
	const good = { subdomain: 'acme', authentication: 'basic', email: 'ann@example.com', password: 'pw', baseUrl: '' };

	it('accepts a usable credential, Basic or token', () => {
		expect(() => requireUsableCredential(NODE, good)).not.toThrow();
		expect(() => requireUsableCredential(NODE, { ...good, authentication: 'accessToken', accessToken: 't' })).not.toThrow();
	});

	it.each([
		[{ subdomain: 'acme.evil.com' }, 'Account Subdomain must contain only letters, digits and hyphens'],
		[{ email: ' ' }, 'Email is empty'],
		[{ authentication: 'accessToken', accessToken: '' }, 'Access Token is empty'],
		[{ baseUrl: 'ftp://host' }, 'Custom Base URL must start with http:// or https://'],
	])('refuses %j with a NodeOperationError saying nothing was sent', (override, message) => {
		let error: unknown;
		try {
			requireUsableCredential(NODE, { ...good, ...override }, 4);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toContain(message);
		expect((error as NodeOperationError).description).toBe('Fix it in the Harvest Invoicing API credential. Nothing was sent to Harvest.');
		expect((error as NodeOperationError).context.itemIndex).toBe(4);
	});
});
