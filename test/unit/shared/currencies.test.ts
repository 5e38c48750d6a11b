import { currencyOptions } from '../../../nodes/HarvestInvoicing/shared/currencies';

describe('currency options', () => {
	const options = currencyOptions();

	it("lists every currency of the platform's Intl data in Harvest's Name - CODE form", () => {
		expect(options).toHaveLength(Intl.supportedValuesOf('currency').length);
		expect(options.length).toBeGreaterThan(100);
		for (const option of options) {
			expect(option.value).toBe(option.name);
			expect(option.name).toMatch(/^.+ - [A-Z]{3}$/);
		}
		expect(options.map((option) => option.value)).toEqual(expect.arrayContaining(['Euro - EUR', 'US Dollar - USD', 'Japanese Yen - JPY']));
	});

	it('is sorted by name', () => {
		const names = options.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});
});
