import { HarvestInvoicingApi } from '../../../credentials/HarvestInvoicingApi.credentials';

const credential = new HarvestInvoicingApi();
const base = { authentication: 'basic', email: 'ann@example.com', password: 's3cret', dataFormat: 'json', baseUrl: '' };

describe('Harvest Invoicing API credential: authenticate', () => {
	it('sends Basic auth to the account host', async () => {
		const options = await credential.authenticate({ ...base, subdomain: 'Acme-01' }, { url: '/invoices' });
		expect(options.baseURL).toBe('https://acme-01.harvestapp.com');
		expect(options.headers?.Authorization).toBe(`Basic ${Buffer.from('ann@example.com:s3cret').toString('base64')}`);
		expect(options.url).toBe('/invoices');
	});

	it('sends an access token as a Bearer header, never in the URL', async () => {
		const options = await credential.authenticate(
			{ ...base, subdomain: 'acme', authentication: 'accessToken', accessToken: 'tok-123' },
			{ url: '/invoices' },
		);
		expect(options.headers?.Authorization).toBe('Bearer tok-123');
		expect(JSON.stringify(options.qs ?? {})).not.toContain('tok-123');
	});

	it('follows no redirect with the login attached, to any host', async () => {
		const options = await credential.authenticate({ ...base, subdomain: 'acme' }, { url: '/invoices' });
		expect(options).toMatchObject({ disableFollowRedirect: true, sendCredentialsOnCrossOriginRedirect: false });
	});

	it('uses the custom base URL without its trailing slash', async () => {
		const options = await credential.authenticate(
			{ ...base, subdomain: 'demo', baseUrl: 'http://127.0.0.1:3210/' },
			{ url: '/invoices' },
		);
		expect(options.baseURL).toBe('http://127.0.0.1:3210');
	});

	it.each(['evil.com/x', 'a.b', 'acme.harvestapp.com', 'a b', '', '-acme', 'acme?x=1'])(
		'refuses the subdomain %p with a message naming the field',
		async (subdomain) => {
			const attempt = credential.authenticate({ ...base, subdomain }, { url: '/invoices' });
			await expect(attempt).rejects.toThrow(/Account Subdomain must contain only letters, digits and hyphens/);
		},
	);

	it('refuses a custom base URL that is not http(s)', async () => {
		const attempt = credential.authenticate({ ...base, subdomain: 'demo', baseUrl: 'ftp://x' }, { url: '/' });
		await expect(attempt).rejects.toThrow(/Custom Base URL must start with http/);
	});

	it('keeps the password out of error messages', async () => {
		const attempt = credential.authenticate({ ...base, subdomain: 'a.b' }, { url: '/' });
		await expect(attempt).rejects.not.toThrow(/s3cret/);
	});

	it('marks secrets as password fields', () => {
		const secrets = credential.properties.filter((property) => ['password', 'accessToken'].includes(property.name));
		expect(secrets.map((property) => property.typeOptions?.password)).toEqual([true, true]);
	});
});
