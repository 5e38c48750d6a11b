import { decodeHarvestBody } from '../../../nodes/HarvestInvoicing/transport/v1/records';
import { startSandbox, type Sandbox } from '../../sandbox';
import { harvest } from '../../sandbox/testing/client';

/**
 * The XML reader against JSON.parse, on what the sandbox sends for seeded accounts: every answer
 * decodes to the very same records in both formats (keys, numbers, nulls, booleans, dates, text).
 */
describe('XML and JSON answers decode to the same records', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ invoices: 120, throttle: false });
	});
	afterAll(async () => await sandbox.stop());

	/** Decodes one path in both formats; returns the JSON records after checking XML gives the same. */
	async function sameInBoth(path: string) {
		const [json, xml] = await Promise.all(
			(['json', 'xml'] as const).map(async (format) => {
				const answer = await harvest(sandbox, { format }).get(path);
				expect(answer.status).toBe(200);
				return decodeHarvestBody(answer.text, format);
			}),
		);
		expect({ path, ...xml }).toEqual({ path, ...json });
		return json;
	}

	/** Ids of invoices that have at least one of the given records, a few per seed. */
	const invoicesWith = (records: Iterable<{ invoiceId: number }>, count: number) =>
		[...new Set([...records].map((record) => record.invoiceId))].slice(0, count);

	it.each([1, 2, 3])('seed %i: invoice pages, single invoices, payments, messages, categories, directory', async (seed) => {
		sandbox.seed({ seed, invoices: 120 });
		let invoices = 0;
		for (let page = 1; page <= 3; page++) invoices += (await sameInBoth(`/invoices?page=${page}`)).records.length;
		expect(invoices).toBe(120);

		const ids = [...sandbox.store.invoices.keys()];
		for (const id of ids.filter((_, index) => index % 12 === 0)) {
			expect((await sameInBoth(`/invoices/${id}`)).records[0].csv_line_items).toEqual(expect.any(String));
		}
		let payments = 0;
		for (const id of invoicesWith(sandbox.store.payments.values(), 8)) payments += (await sameInBoth(`/invoices/${id}/payments`)).records.length;
		let messages = 0;
		for (const id of invoicesWith(sandbox.store.messages.values(), 8)) messages += (await sameInBoth(`/invoices/${id}/messages`)).records.length;
		expect(payments).toBeGreaterThan(0);
		expect(messages).toBeGreaterThan(0);

		expect((await sameInBoth('/invoice_item_categories')).kind).toBe('category');
		for (const path of ['/clients', '/projects', '/contacts']) expect((await sameInBoth(path)).records.length).toBeGreaterThan(0);
	});
});
