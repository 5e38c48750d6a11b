import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { byId, EACH_WIRE, operationRunner } from '../operationKit';

// What a user types comes back as typed, whichever format the credential speaks: line breaks of
// every kind survive, and characters XML 1.0 cannot carry are refused before anything is sent.
describe.each(EACH_WIRE)('Text in request bodies (%s)', (_name, wire) => {
	let sandbox: Sandbox;
	let run: ReturnType<typeof operationRunner>;
	let clientId: number;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 3, throttle: false });
		run = operationRunner(sandbox, 'invoice', wire);
		clientId = [...sandbox.store.clients.keys()][0];
	});
	afterAll(async () => await sandbox.stop());
	beforeEach(() => sandbox.clearRequests());

	const create = async (additionalFields: INodeParameters) =>
		await run('create', {
			clientId: String(clientId),
			kind: 'free_form',
			lineItemsInput: 'editor',
			lineItems: { lineItem: [{ kind: 'Service', description: 'Work', quantity: 1, unitPrice: 10, taxed: false, taxed2: false, projectId: '' }] },
			additionalFields,
		});

	it('keeps LF, CRLF, CR, tabs and blank lines in notes identical through create and get', async () => {
		const notes = '\nLine one\r\nLine two\rLine three\n\n\tIndented & <marked> "quoted"\n';
		const [created] = await create({ notes, subject: 'Multi\nline' });
		const [read] = await run('get', { invoiceId: byId(created.json.id as number) });
		expect(read.json.notes).toBe(notes);
		expect(read.json.subject).toBe('Multi\nline');
		expect(created.json.notes).toBe(notes);
	});

	it('refuses raw CSV that Harvest would refuse (a stray quote), before sending, instead of losing the request', async () => {
		const csvLineItems = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nService,The "big" job,1,10,10,false,false,\n';
		await expect(run('create', { clientId: String(clientId), kind: 'free_form', lineItemsInput: 'csv', csvLineItems })).rejects.toThrow(
			'Line Items (CSV) is not usable: it is not valid CSV: line 2, character 13: a quote inside an unquoted field',
		);
		expect(sandbox.requests()).toEqual([]);
	});

	it('refuses a control character XML 1.0 cannot carry, naming the field, before sending', async () => {
		await expect(create({ notes: 'Page one\fpage two' })).rejects.toThrow(
			'Notes contains a control character (U+000C) at position 9',
		);
		expect(sandbox.requests()).toEqual([]);
	});
});
