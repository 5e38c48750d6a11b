import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { findUnsafeText, refuseUnsafeText } from '../../../nodes/HarvestInvoicing/transport/textSafety';
import { NODE } from '../resources/fakeContext';

const context = { getNode: () => NODE, getItemIndex: () => 3 } as unknown as IExecuteSingleFunctions;

describe('findUnsafeText', () => {
	it('accepts what XML 1.0 carries: tab, line breaks, any Unicode letter or emoji', () => {
		expect(findUnsafeText({ notes: 'a\tb\r\nc\rd\n', subject: 'Café ☕ 日本語 😀', amount: 5, paid: null })).toBeUndefined();
	});

	it.each([
		['\u0000', 'U+0000'],
		['\u0007', 'U+0007'],
		['\u000B', 'U+000B'],
		['\u000C', 'U+000C'],
		['\u001F', 'U+001F'],
		['\uFFFF', 'U+FFFF'],
		['\uD83D', 'U+D83D'],
	])('finds %j and says where, naming the field as the panel does', (character, codePoint) => {
		expect(findUnsafeText({ csv_line_items: `ab${character}c` })).toEqual({ field: 'Line Items', codePoint, position: 3 });
		expect(findUnsafeText({ purchase_order: character })?.field).toBe('Purchase Order');
		// The node's own records nest their texts: line items, recipients.
		expect(findUnsafeText({ purchaseOrder: character })?.field).toBe('Purchase Order');
		expect(findUnsafeText({ lineItems: { items: [{ description: `x${character}` }] } })).toEqual({ field: 'Line Items', codePoint, position: 2 });
		expect(findUnsafeText({ lineItems: { items: [], typedCsv: `ab${character}c` } })).toEqual({ field: 'Line Items', codePoint, position: 3 });
	});
});

describe('refuseUnsafeText', () => {
	it('refuses the request with a NodeOperationError for the item, before anything is sent', async () => {
		const options: IHttpRequestOptions = { url: '/invoices', body: { invoice: { notes: 'x\u0000' } } };
		const error = await refuseUnsafeText.call(context, options).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe(
			'Notes contains a control character (U+0000) at position 2, which Harvest cannot store',
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(3);
	});

	it('lets clean bodies and requests without a body through unchanged', async () => {
		for (const options of [{ url: '/invoices' }, { url: '/invoices', body: { message: { body: 'Hi\n\tthere' } } }]) {
			expect(await refuseUnsafeText.call(context, options as IHttpRequestOptions)).toBe(options);
		}
	});
});
