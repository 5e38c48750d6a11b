import { NodeOperationError } from 'n8n-workflow';

import { lineItemsFromEditor } from '../../../nodes/HarvestInvoicing/shared/lineItemEditor';
import { TEST_NODE } from '../invoice/fakeContext';

describe('line-item editor entries', () => {
	it('become validated line items with the amount computed in cents', () => {
		expect(
			lineItemsFromEditor(TEST_NODE, [
				{ kind: 'Service', description: 'A, "b"', quantity: 3, unitPrice: 0.1, taxed: true, taxed2: false, projectId: '' },
				{ kind: ' Product ', quantity: '2', unitPrice: '19.99', taxed: 'true', taxed2: 'false', projectId: '42' },
			]),
		).toEqual([
			{ kind: 'Service', description: 'A, "b"', quantity: 3, unit_price: 0.1, amount: 0.3, taxed: true, taxed2: false, project_id: null },
			{ kind: 'Product', description: '', quantity: 2, unit_price: 19.99, amount: 39.98, taxed: true, taxed2: false, project_id: 42 },
		]);
	});

	it.each([
		[{ kind: '', quantity: 1, unitPrice: 1 }, 'Line Items > line 1 > Kind is empty'],
		[{ kind: 'Service', quantity: '1,5', unitPrice: 1 }, 'Line Items > line 1 > Quantity must be a number'],
		[{ kind: 'Service', quantity: 1, unitPrice: 'abc' }, 'Line Items > line 1 > Unit Price must be a number'],
		[{ kind: 'Service', quantity: 1, unitPrice: 1, taxed: 'maybe' }, 'Line Items > line 1 > Taxed must be true or false'],
		[{ kind: 'Service', quantity: 1, unitPrice: 1, projectId: 'abc' }, 'Line Items > line 1 > Project must be a Harvest ID'],
	])('refuses %j naming the line and field', (entry, message) => {
		const attempt = () => lineItemsFromEditor(TEST_NODE, [entry], 2);
		expect(attempt).toThrow(NodeOperationError);
		expect(attempt).toThrow(message);
	});
});
