import { NodeOperationError } from 'n8n-workflow';

import { validateRecipients } from '../../../../nodes/HarvestInvoicing/resources/message/hooks/validateRecipients';
import { v1Wire } from '../../v1Wire';
import { fakeContext, requestWithBody } from '../fakeContext';

describe('validateRecipients', () => {
	const run = async (recipients: unknown) => {
		const { context } = fakeContext({ itemIndex: 1 });
		return await validateRecipients.call(context, requestWithBody({ message: { recipients, subject: 'Hi' } }));
	};

	it('sends the list comma-separated, as Harvest documents it, without duplicates', async () => {
		const options = await run(' ann@example.com;bob@example.com\nAnn@Example.com ');
		expect(await v1Wire('message:send', options.body)).toEqual({ message: { recipients: 'ann@example.com, bob@example.com', subject: 'Hi' } });
	});

	it('takes a list from an expression, entries possibly comma-separated themselves', async () => {
		const options = await run(['ann@example.com', 'bob@example.com, cy@example.org']);
		expect(((await v1Wire('message:send', options.body)).message as { recipients: string }).recipients).toBe(
			'ann@example.com, bob@example.com, cy@example.org',
		);
	});

	it('refuses a list with something that is not an email address, naming it', async () => {
		const error = await run('ann@example.com, bob').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe(
			'Recipients must be email addresses separated by commas, e.g. "ann@example.com, bob@example.com" (not an email address: "bob")',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('refuses an empty list', async () => {
		await expect(run(' , ')).rejects.toThrow('Recipients needs at least one email address');
	});
});
