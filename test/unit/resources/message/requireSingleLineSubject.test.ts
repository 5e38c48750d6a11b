import { NodeOperationError } from 'n8n-workflow';

import { requireSingleLineSubject } from '../../../../nodes/HarvestInvoicing/resources/message/hooks/requireSingleLineSubject';
import { fakeContext, requestWithBody } from '../fakeContext';

describe('requireSingleLineSubject', () => {
	const run = async (message: Record<string, unknown>) =>
		await requireSingleLineSubject.call(fakeContext({ itemIndex: 2 }).context, requestWithBody({ message }));

	it('lets a one-line subject and a message without one through', async () => {
		expect((await run({ subject: 'Invoice 7', recipients: 'a@b.co' })).body).toEqual({ message: { subject: 'Invoice 7', recipients: 'a@b.co' } });
		expect((await run({ recipients: 'a@b.co' })).body).toEqual({ message: { recipients: 'a@b.co' } });
	});

	it('refuses a subject with a line break for the item', async () => {
		const error = await run({ subject: 'Hi\r\nBcc: x@y.z' }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('Subject must be a single line: it contains a line break (U+000D) at position 3');
		expect((error as NodeOperationError).context.itemIndex).toBe(2);
	});
});
