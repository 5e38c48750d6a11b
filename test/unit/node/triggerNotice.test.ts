import { HarvestInvoicingTrigger } from '../../../nodes/HarvestInvoicing/HarvestInvoicingTrigger.node';

describe('Harvest Invoicing Trigger notice', () => {
	it('comes first and explains polling, the activation baseline and the sample', () => {
		const [first] = new HarvestInvoicingTrigger().description.properties;
		expect(first).toMatchObject({ type: 'notice', name: 'pollingNotice', default: '' });
		expect(first.displayName).toContain('checks Harvest on the schedule set under Poll Times (at most once a minute)');
		expect(first.displayName).toContain('only changes made after activation start the workflow');
		expect(first.displayName).toContain('Fetch Test Event shows the latest matching invoice as a sample');
	});
});
