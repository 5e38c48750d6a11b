import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, draftInvoice, operationRunner } from '../operationKit';
import { messageBody } from '../message/messageWire';

// Subject and recipients become email headers of the message Harvest sends: nothing in them may
// start a new header line.
describe.each(EACH_WIRE)('Message > Send refuses header injection (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', wire);
	});
	afterAll(async () => await sandbox.stop());

	it.each([
		['a CR LF', 'Invoice 7\r\nBcc: all@evil.example', 'a line break (U+000D) at position 10'],
		['a bare LF', 'Invoice 7\nBcc: all@evil.example', 'a line break (U+000A) at position 10'],
		['a NUL', 'Invoice 7\u0000', 'a control character (U+0000) at position 10'],
	])('in the Subject (%s), before anything is sent', async (_case, subject, where) => {
		const invoiceId = await draftInvoice(sandbox);
		await expect(
			run('send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com', additionalFields: { subject } }),
		).rejects.toThrow(`Subject must be a single line: it contains ${where}`);
		expect(sandbox.requests()).toEqual([]);
	});

	it('in Recipients (a NUL inside an address), before anything is sent', async () => {
		const invoiceId = await draftInvoice(sandbox);
		await expect(run('send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com\u0000, bob@example.com' })).rejects.toThrow(
			'Recipients contains a control character (U+0000) in the address "ann@example.com"',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('still takes line breaks between recipients as separators, sending them comma-separated', async () => {
		const invoiceId = await draftInvoice(sandbox);
		await run('send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com\r\nbob@example.com\n', additionalFields: { subject: 'Invoice 7\tfor June' } });
		const post = sandbox.requests().find((request) => request.method === 'POST');
		expect(post?.body).toMatchObject(messageBody(wire, { recipients: 'ann@example.com, bob@example.com', subject: 'Invoice 7\tfor June' }));
	});
});
