import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, draftInvoice, operationRunner, received } from '../operationKit';
import { messageBody } from './messageWire';

/** Attach PDF, Send Me a Copy and Include Payment Link: toggles with Harvest's defaults, old settings still read. */
describe.each(EACH_WIRE)('Message > Send toggles (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'message', wire);
	});
	afterAll(async () => await sandbox.stop());

	const sentBody = async (parameters: Record<string, unknown>, typeVersion = 1) => {
		const invoiceId = await draftInvoice(sandbox);
		await run('send', { invoiceId: byId(invoiceId), recipients: 'ann@example.com', ...parameters }, { typeVersion });
		const post = received(sandbox).find((request) => request.method === 'POST');
		return post?.body;
	};

	it.each([1, 2])('sends the defaults when nothing is touched: PDF attached, no copy, payment link (version %d)', async (typeVersion) => {
		expect(await sentBody({}, typeVersion)).toEqual(messageBody(wire, { recipients: 'ann@example.com', attach_pdf: true, send_me_a_copy: false, include_pay_pal_link: true }));
	});

	it('sends the toggles as set', async () => {
		expect(await sentBody({ attachPdf: false, sendMeACopy: true, includePaymentLink: false })).toEqual(messageBody(wire, { recipients: 'ann@example.com', attach_pdf: false, send_me_a_copy: true, include_pay_pal_link: false }));
	});

	it('keeps what a workflow saved under Additional Fields: the old setting wins over the toggle', async () => {
		const body = await sentBody({
			attachPdf: true,
			additionalFields: { attachPdf: false, sendMeACopy: true, subject: 'Your invoice' },
		});
		expect(body).toEqual(messageBody(wire, {
				recipients: 'ann@example.com',
				attach_pdf: false,
				send_me_a_copy: true,
				include_pay_pal_link: true,
				subject: 'Your invoice',
			}));
	});

	it('offers the old settings only to version 1 nodes, the only ones that can hold them', async () => {
		const body = await sentBody({ attachPdf: true, additionalFields: { attachPdf: false, subject: 'Your invoice' } }, 2);
		expect(body).toEqual(messageBody(wire, {
				recipients: 'ann@example.com',
				attach_pdf: true,
				send_me_a_copy: false,
				include_pay_pal_link: true,
				subject: 'Your invoice',
			}));
	});
});
