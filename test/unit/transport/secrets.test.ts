import { credentialSecrets, redactSecrets } from '../../../nodes/HarvestInvoicing/transport/secrets';

describe('credentialSecrets and redactSecrets', () => {
	const basic = { authentication: 'basic', email: 'ann@example.com', password: 'p@ss "word"', accessToken: 'tok-123' };

	it('knows the password in every spelling an echo may use, the token, and the Basic base64', () => {
		const secrets = credentialSecrets(basic);
		expect(secrets).toEqual(
			expect.arrayContaining([
				'p@ss "word"',
				encodeURIComponent('p@ss "word"'),
				'p@ss \\"word\\"',
				'tok-123',
				Buffer.from('ann@example.com:p@ss "word"').toString('base64'),
			]),
		);
		expect(secrets).not.toContain('ann@example.com');
	});

	it('takes every secret and any Basic or Bearer value out of a text', () => {
		const text = `Bad login p@ss "word" (p%40ss%20%22word%22); Authorization: Basic QWxhZGRpbjpvcGVu; bearer abc.def-ghi`;
		expect(redactSecrets(text, credentialSecrets(basic))).toBe(
			'Bad login [redacted] ([redacted]); Authorization: Basic [redacted]; bearer [redacted]',
		);
	});

	it('takes out the start of a secret that a parser quoted cut short', () => {
		const secrets = credentialSecrets({ ...basic, password: 'harvest-demo-password' });
		let parserMessage = '';
		try {
			JSON.parse('harvest-demo-password was refused');
		} catch (error) {
			parserMessage = (error as Error).message;
		}
		expect(parserMessage).toContain('"harvest-de"...');
		expect(redactSecrets(parserMessage, secrets)).toBe(`Unexpected token 'h', "[redacted]"... is not valid JSON`);
		expect(redactSecrets('near "pw: harvest-d"... here', secrets)).toBe('near "pw: [redacted]"... here');
		expect(redactSecrets('"nothing secret"...', secrets)).toBe('"nothing secret"...');
	});

	it('leaves other text and an absent text alone', () => {
		expect(redactSecrets('Invoice not found', credentialSecrets(basic))).toBe('Invoice not found');
		expect(redactSecrets(undefined)).toBeUndefined();
	});
});
